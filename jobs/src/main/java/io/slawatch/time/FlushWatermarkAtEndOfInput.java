package io.slawatch.time;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * At the end of a bounded input, first lets event time reach the last event's time, then passes on
 * Flink's final watermark. Downstream, a deadline up to the last event alerts as it would live, and
 * the final watermark means "the input ended", not "all deadlines passed".
 */
public final class FlushWatermarkAtEndOfInput<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T> {

    private static final long serialVersionUID = 1L;

    private long highest;

    public FlushWatermarkAtEndOfInput() {
        this(Long.MIN_VALUE);
    }

    /**
     * Lets event time reach at least {@code inputEnd} at the end: for an input read beside another
     * that ends later (a replay's reviews beside its events), so that the slower one's end does not
     * jump event time from its own last instant straight to "the input ended".
     */
    public FlushWatermarkAtEndOfInput(long inputEnd) {
        this.highest = inputEnd;
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        if (element.hasTimestamp()) {
            highest = Math.max(highest, element.getTimestamp());
        }
        output.collect(element);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE && highest != Long.MIN_VALUE) {
            super.processWatermark(new Watermark(lastWatermarkBeforeEnd(highest)));
        }
        super.processWatermark(mark);
    }

    /**
     * The watermark let through at the end of an input whose latest event time is {@code highest}.
     */
    public static long lastWatermarkBeforeEnd(long highest) {
        return highest;
    }
}
