package io.slawatch.replay;

import io.slawatch.detect.SlaOutput;
import io.slawatch.detect.TicketSla;
import io.slawatch.ingest.Decoded;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.ingest.file.Lines;
import io.slawatch.model.RawEvent;
import io.slawatch.model.TicketEvent;
import io.slawatch.state.TicketState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One ticket's story, computed by the job's own {@link TicketSla} under the same event time as
 * replay: every event of the input advances the watermark as {@code EveryEventWatermarks} does, the
 * ticket's timer fires when the watermark passes it, and the end of the input is flushed as {@code
 * FlushWatermarkAtEndOfInput} does. The ticket's alerts are exactly replay's.
 */
public final class Explain {

    private Explain() {}

    /** What became of the ticket's own input lines that could not be used. */
    public interface Listener extends SlaOutput {
        void quarantinedLine(String file, long line, String reason, String detail);
    }

    public static void run(
            List<Path> inputs,
            TicketSla sla,
            String ticketId,
            Duration outOfOrderness,
            EventDecoder decoder,
            Listener out)
            throws IOException {
        TicketState state = new TicketState();
        long highest = Long.MIN_VALUE;
        long bound = outOfOrderness.toMillis();
        for (Path input : inputs) {
            try (InputStream in = Lines.open(input)) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
                long lineNumber = 0;
                for (byte[] line = Lines.next(in, buffer);
                        line != null;
                        line = Lines.next(in, buffer)) {
                    lineNumber++;
                    if (line.length == 0) {
                        continue;
                    }
                    Decoded decoded =
                            decoder.decode(
                                    new RawEvent(
                                            input.toString(), RawEvent.FILE, lineNumber, line));
                    if (!decoded.ok()) {
                        if (ticketId.equals(decoded.quarantined().ticketId())) {
                            out.quarantinedLine(
                                    input.toString(),
                                    lineNumber,
                                    decoded.quarantined().reason().name(),
                                    decoded.quarantined().detail());
                        }
                        continue;
                    }
                    TicketEvent event = decoded.event();
                    long time = event.occurredAt().toEpochMilli();
                    highest = Math.max(highest, time);
                    if (event.ticketId().equals(ticketId)) {
                        sla.onEvent(state, event, out);
                    }
                    state = advance(sla, state, ticketId, highest - bound - 1, out);
                }
            }
        }
        if (highest != Long.MIN_VALUE) {
            state = advance(sla, state, ticketId, highest, out);
        }
        sla.onEndOfInput(state, ticketId, out);
    }

    /** Fires the ticket's timer for as long as the watermark has passed it, as Flink does. */
    private static TicketState advance(
            TicketSla sla, TicketState state, String ticketId, long watermark, SlaOutput out) {
        for (long wake = sla.nextWakeUp(state);
                wake != TicketState.NONE && wake <= watermark;
                wake = sla.nextWakeUp(state)) {
            if (sla.onTimer(state, ticketId, wake, out) == TicketSla.Next.CLEAR) {
                return new TicketState();
            }
        }
        return state;
    }
}
