package io.slawatch.detect;

import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.OutputTag;

/** The side outputs of either input's context of {@link TicketSlaFunction}. */
interface SideOutput {

    <X> void output(OutputTag<X> tag, X value);

    static SideOutput of(KeyedBroadcastProcessFunction<String, ?, ?, ?>.ReadOnlyContext ctx) {
        return new SideOutput() {
            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                ctx.output(tag, value);
            }
        };
    }

    static SideOutput of(KeyedBroadcastProcessFunction<String, ?, ?, ?>.Context ctx) {
        return new SideOutput() {
            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                ctx.output(tag, value);
            }
        };
    }
}
