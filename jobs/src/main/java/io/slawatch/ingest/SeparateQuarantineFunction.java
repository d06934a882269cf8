package io.slawatch.ingest;

import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.TicketEvent;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes decoded events on and sends what could not be decoded to the quarantine side output,
 * counting both. Decoding itself happens in the source, so that event time can be taken per source
 * split.
 */
public final class SeparateQuarantineFunction extends ProcessFunction<Decoded, TicketEvent> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<QuarantineRecord> QUARANTINE =
            new OutputTag<>("decode-quarantine", TypeInformation.of(QuarantineRecord.class));

    /** Accumulator name: every record read, for replay's progress and summary. */
    public static final String EVENTS_READ = "eventsRead";

    private transient LongCounter eventsRead;
    private transient Counter eventsIn;
    private transient Map<QuarantineReason, Counter> quarantined;

    @Override
    public void open(OpenContext openContext) {
        eventsRead = new LongCounter();
        getRuntimeContext().addAccumulator(EVENTS_READ, eventsRead);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        eventsIn = metrics.counter("eventsIn");
        quarantined = new EnumMap<>(QuarantineReason.class);
        for (QuarantineReason reason : QuarantineReason.values()) {
            quarantined.put(
                    reason,
                    metrics.addGroup("quarantined")
                            .addGroup("reason", reason.name())
                            .counter("count"));
        }
    }

    @Override
    public void processElement(Decoded decoded, Context ctx, Collector<TicketEvent> out) {
        eventsRead.add(1);
        eventsIn.inc();
        if (decoded.ok()) {
            out.collect(decoded.event());
        } else {
            quarantined.get(decoded.quarantined().reason()).inc();
            ctx.output(QUARANTINE, decoded.quarantined());
        }
    }
}
