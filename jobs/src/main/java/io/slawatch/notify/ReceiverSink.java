package io.slawatch.notify;

import io.slawatch.sink.RejectedDocuments;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Delivers to the notification file's receivers, each from a queue of its own, at least once:
 * undelivered deliveries are checkpointed, and receivers dedupe a repeat by its id. What no
 * receiver takes goes to {@code quarantine}.
 */
public final class ReceiverSink
        implements Sink<Delivery>, SupportsWriterState<Delivery, PendingDeliveries> {

    private static final long serialVersionUID = 1L;

    /** How many of the latest deliveries each receiver's latency histogram holds. */
    public static final int LATENCY_WINDOW = 10_000;

    private final NotifyConfig config;
    private final RejectedDocuments quarantine;

    public ReceiverSink(NotifyConfig config, RejectedDocuments quarantine) {
        this.config = config;
        this.quarantine = quarantine;
    }

    @Override
    public StatefulSinkWriter<Delivery, PendingDeliveries> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<Delivery, PendingDeliveries> restoreWriter(
            WriterInitContext context, Collection<PendingDeliveries> recovered) {
        return new ReceiverWriter(
                config, recovered, context.metricGroup(), quarantine.open(), Clock.systemUTC());
    }

    @Override
    public SimpleVersionedSerializer<PendingDeliveries> getWriterStateSerializer() {
        return new PendingDeliveriesSerializer();
    }
}
