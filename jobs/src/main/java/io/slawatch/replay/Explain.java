package io.slawatch.replay;

import io.slawatch.detect.SlaOutput;
import io.slawatch.detect.TicketSla;
import io.slawatch.ingest.Decoded;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.ingest.file.Lines;
import io.slawatch.model.RawEvent;
import io.slawatch.model.TicketEvent;
import io.slawatch.state.TicketState;
import io.slawatch.time.EventTime;
import io.slawatch.time.EveryEventWatermarks;
import io.slawatch.time.FlushWatermarkAtEndOfInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * One ticket's story, computed by the job's own {@link TicketSla} under replay's own event time:
 * replay's {@link EveryEventWatermarks} sees every event of the input (the same decoder, the same
 * timestamps), the ticket's timer fires when its watermark passes it, and the end of the input is
 * flushed by {@link FlushWatermarkAtEndOfInput}'s rule. The ticket's alerts are exactly replay's.
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
        EveryEventWatermarks<Decoded> watermarks =
                new EveryEventWatermarks<>(outOfOrderness.toMillis());
        LatestWatermark watermark = new LatestWatermark();
        long highest = Long.MIN_VALUE;
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
                    long time = EventTime.timestamp(decoded, Long.MIN_VALUE);
                    watermarks.onEvent(decoded, time, watermark);
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
                    highest = Math.max(highest, time);
                    if (event.ticketId().equals(ticketId)) {
                        sla.onEvent(state, event, out);
                    }
                    state = advance(sla, state, ticketId, watermark.latest, out);
                }
            }
        }
        if (highest != Long.MIN_VALUE) {
            state =
                    advance(
                            sla,
                            state,
                            ticketId,
                            FlushWatermarkAtEndOfInput.lastWatermarkBeforeEnd(highest),
                            out);
        }
        sla.onEndOfInput(state, ticketId, out);
    }

    /** The watermark a generator emitted last, as the operator downstream of it sees it. */
    private static final class LatestWatermark implements WatermarkOutput {
        long latest = Long.MIN_VALUE;

        @Override
        public void emitWatermark(Watermark watermark) {
            latest = Math.max(latest, watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
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
