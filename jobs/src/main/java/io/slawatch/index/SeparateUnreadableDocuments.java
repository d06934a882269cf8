package io.slawatch.index;

import io.slawatch.model.QuarantineRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes documents on to Elasticsearch and sends records that are none to the quarantine side
 * output, counted in {@code documentsUnreadable}.
 */
public final class SeparateUnreadableDocuments
        extends ProcessFunction<TopicDocument, TopicDocument> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<QuarantineRecord> UNREADABLE =
            new OutputTag<>("unreadable-documents", TypeInformation.of(QuarantineRecord.class));

    private transient Counter unreadable;

    @Override
    public void open(OpenContext openContext) {
        unreadable = getRuntimeContext().getMetricGroup().counter("documentsUnreadable");
    }

    @Override
    public void processElement(TopicDocument document, Context ctx, Collector<TopicDocument> out) {
        if (document.readable()) {
            out.collect(document);
        } else {
            unreadable.inc();
            ctx.output(UNREADABLE, document.unreadable());
        }
    }
}
