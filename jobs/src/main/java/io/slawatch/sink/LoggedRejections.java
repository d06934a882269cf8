package io.slawatch.sink;

import io.slawatch.model.QuarantineRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejected documents in the log, by reason only: documents hold no personal data, but no payload.
 */
final class LoggedRejections implements RejectedDocuments.Channel {

    private static final Logger LOG = LoggerFactory.getLogger(LoggedRejections.class);

    @Override
    public void rejected(QuarantineRecord record) {
        LOG.error("{}: {}", record.reason(), record.detail());
    }
}
