package io.slawatch.sink;

import io.slawatch.model.QuarantineRecord;
import java.io.IOException;
import java.io.Serializable;

/**
 * Where documents go that Elasticsearch refuses for good (a mapping error, a bad document), as
 * quarantine records with Elasticsearch's reason, so that nothing disappears silently.
 */
public interface RejectedDocuments extends Serializable {

    /** Opens one writer's channel; called on the task manager. */
    Channel open();

    /** Logs each rejection by index, id and reason: for runs without a quarantine topic. */
    static RejectedDocuments logged() {
        return LoggedRejections::new;
    }

    /** One sink writer's channel. {@link #flush} makes every rejection so far durable. */
    interface Channel extends AutoCloseable {
        void rejected(QuarantineRecord record) throws IOException;

        default void flush() throws IOException {}

        @Override
        default void close() throws IOException {}
    }
}
