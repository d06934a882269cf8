package io.slawatch.ingest;

import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.Review;

/** What decoding one raw review gave: a review, or the quarantine record saying why not. */
public record DecodedReview(Review review, QuarantineRecord quarantined) implements DecodedRecord {

    @Override
    public boolean ok() {
        return review != null;
    }
}
