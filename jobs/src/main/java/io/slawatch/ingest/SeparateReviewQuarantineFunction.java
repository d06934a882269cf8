package io.slawatch.ingest;

import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.Review;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Passes decoded reviews on and sends what could not be decoded to the quarantine side output. */
public final class SeparateReviewQuarantineFunction extends ProcessFunction<DecodedReview, Review> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<QuarantineRecord> QUARANTINE =
            new OutputTag<>("review-decode-quarantine", TypeInformation.of(QuarantineRecord.class));

    private transient Counter reviewsIn;
    private transient Counter reviewsQuarantined;

    @Override
    public void open(OpenContext openContext) {
        reviewsIn = getRuntimeContext().getMetricGroup().counter("reviewsIn");
        reviewsQuarantined = getRuntimeContext().getMetricGroup().counter("reviewsQuarantined");
    }

    @Override
    public void processElement(DecodedReview decoded, Context ctx, Collector<Review> out) {
        reviewsIn.inc();
        if (decoded.ok()) {
            out.collect(decoded.review());
        } else {
            reviewsQuarantined.inc();
            ctx.output(QUARANTINE, decoded.quarantined());
        }
    }
}
