package io.slawatch.serde;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;

/** How every slawatch job hands records between its operators. */
public final class FlinkSerialization {

    private FlinkSerialization() {}

    /**
     * Sets on {@code config}: no Kryo (every record and state type has a serializer of its own;
     * Kryo would be a silent slowdown). Object reuse stays off: it saved about a tenth of the SLA
     * thread in memory, but on two shared cores it tripled the alert-latency p99 at 5,000 events/s
     * (4.4-6.8 s against 2.36 s without, docs/BENCHMARKS.md), and alerts must not wait. The copies
     * it would save are saved where they cost, per stream of immutable records ({@link
     * ImmutableTypeInfo}).
     */
    public static Configuration configure(Configuration config) {
        config.set(PipelineOptions.GENERIC_TYPES, false);
        return config;
    }
}
