package io.slawatch.ingest;

import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.TicketEvent;

/** What decoding one raw record gave: an event, or the quarantine record saying why not. */
public record Decoded(TicketEvent event, QuarantineRecord quarantined) implements DecodedRecord {

    public static Decoded of(TicketEvent event) {
        return new Decoded(event, null);
    }

    public static Decoded rejected(QuarantineRecord record) {
        return new Decoded(null, record);
    }

    @Override
    public boolean ok() {
        return event != null;
    }
}
