package io.slawatch.notify;

import io.slawatch.model.QuarantineRecord;
import io.slawatch.sink.RejectedDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each delivery to its receiver's {@link ReceiverQueue} and never waits for a receiver: a
 * checkpoint keeps what is still queued instead, and a restore queues it again, so a restart loses
 * nothing; what was in flight is sent again under the same id, which receivers dedupe on.
 */
final class ReceiverWriter implements StatefulSinkWriter<Delivery, PendingDeliveries> {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverWriter.class);

    /** How long the end of a bounded input waits for the queues to empty. */
    static final Duration END_OF_INPUT_WAIT = Duration.ofMinutes(10);

    private final Map<String, ReceiverQueue> queues = new LinkedHashMap<>();
    private final RejectedDocuments.Channel quarantine;

    ReceiverWriter(
            NotifyConfig config,
            Collection<PendingDeliveries> restored,
            MetricGroup metrics,
            RejectedDocuments.Channel quarantine,
            Clock clock) {
        this.quarantine = quarantine;
        Set<String> disabled = new HashSet<>();
        restored.forEach(state -> disabled.addAll(state.disabledReceivers()));
        for (Receiver receiver : config.receivers()) {
            queues.put(
                    receiver.name(),
                    new ReceiverQueue(
                            receiver,
                            new ReceiverClient(receiver),
                            disabled.contains(receiver.name()),
                            metrics,
                            this::quarantine,
                            clock));
        }
        for (PendingDeliveries state : restored) {
            state.deliveries().forEach(this::queue);
        }
    }

    private void quarantine(QuarantineRecord record) {
        synchronized (quarantine) {
            try {
                quarantine.rejected(record);
            } catch (IOException e) {
                throw new UncheckedIOException("could not quarantine an undelivered alert", e);
            }
        }
    }

    private void queue(Delivery delivery) {
        ReceiverQueue queue = queues.get(delivery.receiver());
        if (queue == null) {
            LOG.warn(
                    "No receiver {} in the notification file any more: {} dropped",
                    delivery.receiver(),
                    delivery.id());
            return;
        }
        queue.offer(delivery);
    }

    @Override
    public void write(Delivery delivery, Context context) {
        queue(delivery);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (endOfInput) {
            for (ReceiverQueue queue : queues.values()) {
                queue.awaitEmpty(END_OF_INPUT_WAIT);
            }
        }
        synchronized (quarantine) {
            quarantine.flush();
        }
    }

    @Override
    public List<PendingDeliveries> snapshotState(long checkpointId) {
        List<Delivery> pending = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (Map.Entry<String, ReceiverQueue> queue : queues.entrySet()) {
            pending.addAll(queue.getValue().pending());
            if (queue.getValue().disabled()) {
                disabled.add(queue.getKey());
            }
        }
        return List.of(new PendingDeliveries(pending, disabled));
    }

    @Override
    public void close() throws Exception {
        for (ReceiverQueue queue : queues.values()) {
            queue.close();
        }
        synchronized (quarantine) {
            quarantine.close();
        }
    }
}
