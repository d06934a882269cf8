package io.slawatch.notify;

import io.slawatch.model.AlertKind;
import io.slawatch.model.QuarantineRecord;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends each alert to the receivers its routes name. What ends an alert (an outcome, a MET_LATE,
 * RETRACTED or PREDICTION_CLEARED alert) also goes to every receiver that keeps firing alerts,
 * whatever its routes match: it may have something to resolve. Unreadable records go to {@link
 * #UNREADABLE}.
 */
public final class RouteNotices extends ProcessFunction<Notice, Routed> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<QuarantineRecord> UNREADABLE =
            new OutputTag<>("unreadable-notices") {};

    static final Set<AlertKind> ENDINGS =
            EnumSet.of(AlertKind.MET_LATE, AlertKind.RETRACTED, AlertKind.PREDICTION_CLEARED);

    private final NotifyConfig config;

    public RouteNotices(NotifyConfig config) {
        this.config = config;
    }

    @Override
    public void processElement(Notice notice, Context context, Collector<Routed> out) {
        if (notice.unreadable() != null) {
            context.output(UNREADABLE, notice.unreadable());
            return;
        }
        Set<String> receivers =
                notice.alert() == null
                        ? new LinkedHashSet<>()
                        : new LinkedHashSet<>(config.receiversOf(notice.alert()));
        if (notice.alert() == null || ENDINGS.contains(notice.alert().kind())) {
            for (Receiver receiver : config.receivers()) {
                if (receiver.type().tracksFiring()) {
                    receivers.add(receiver.name());
                }
            }
        }
        for (String receiver : receivers) {
            out.collect(new Routed(receiver, notice));
        }
    }
}
