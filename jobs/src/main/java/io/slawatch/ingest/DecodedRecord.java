package io.slawatch.ingest;

/** A decoded input record: usable, or quarantined. Only usable ones move event time. */
public interface DecodedRecord {
    boolean ok();
}
