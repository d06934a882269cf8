package io.slawatch.notify;

import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receiver's deliveries, in order, sent by a thread of its own: the task only queues them, so a
 * slow or dead receiver holds back nothing but its own queue. A delivery leaves the queue once the
 * receiver took it (2xx), refused it (4xx: quarantined), or it grew older than {@code maxAge}
 * (quarantined); busy answers (429, 503, with {@code Retry-After}) and failures are retried with
 * exponential backoff. A 410 disables the receiver: it is gone.
 */
final class ReceiverQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverQueue.class);

    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final Receiver receiver;
    private final ReceiverClient client;
    private final Consumer<QuarantineRecord> quarantine;
    private final Clock clock;
    private final Deque<Delivery> queue = new ArrayDeque<>();
    private final Thread sender;
    private final Counter delivered;
    private final Counter retried;
    private final Counter deadLettered;
    private final Counter rejected;
    private final Counter disabledDeliveries;
    private final Histogram latency;
    private volatile boolean disabled;
    private volatile boolean closed;

    /**
     * Deliveries taken from the head and not yet settled; they stay in {@link #queue} till then.
     */
    private int sending;

    ReceiverQueue(
            Receiver receiver,
            ReceiverClient client,
            boolean disabled,
            MetricGroup metrics,
            Consumer<QuarantineRecord> quarantine,
            Clock clock) {
        this.receiver = receiver;
        this.client = client;
        this.disabled = disabled;
        this.quarantine = quarantine;
        this.clock = clock;
        MetricGroup group = metrics.addGroup("receiver", receiver.name());
        this.delivered = group.counter("delivered");
        this.retried = group.counter("retried");
        this.deadLettered = group.counter("deadLettered");
        this.rejected = group.counter("rejected");
        this.disabledDeliveries = group.counter("disabled");
        this.latency =
                group.histogram(
                        "latencyMillis",
                        new DescriptiveStatisticsHistogram(ReceiverSink.LATENCY_WINDOW));
        group.gauge("queued", this::size);
        group.gauge("receiverDisabled", () -> this.disabled ? 1 : 0);
        this.sender = new Thread(this::run, "notify-" + receiver.name());
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Queues {@code delivery}; never blocks. */
    void offer(Delivery delivery) {
        if (disabled) {
            disabledDeliveries.inc();
            return;
        }
        synchronized (queue) {
            if (queue.size() >= receiver.queueCapacity()) {
                deadLetter(
                        delivery,
                        QuarantineReason.UNDELIVERABLE,
                        "receiver "
                                + receiver.name()
                                + " has "
                                + receiver.queueCapacity()
                                + " deliveries waiting (its queueCapacity): it is too slow or"
                                + " down");
                return;
            }
            queue.addLast(delivery);
            queue.notifyAll();
        }
    }

    /** Every delivery not settled yet, oldest first: what a checkpoint keeps. */
    List<Delivery> pending() {
        synchronized (queue) {
            return new ArrayList<>(queue);
        }
    }

    boolean disabled() {
        return disabled;
    }

    int size() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Waits up to {@code timeout} until everything queued is settled; false if it was not. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (queue) {
            while (!queue.isEmpty() && !disabled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                queue.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void run() {
        try {
            while (!closed) {
                List<Delivery> batch;
                synchronized (queue) {
                    while (queue.isEmpty() && !closed) {
                        queue.wait();
                    }
                    if (closed) {
                        return;
                    }
                    batch = new ArrayList<>(client.batchSize());
                    for (Delivery delivery : queue) {
                        if (batch.size() == client.batchSize()) {
                            break;
                        }
                        batch.add(delivery);
                    }
                    sending = batch.size();
                }
                deliver(batch);
                synchronized (queue) {
                    for (int i = 0; i < sending && !queue.isEmpty(); i++) {
                        queue.removeFirst();
                    }
                    sending = 0;
                    if (disabled) {
                        disabledDeliveries.inc(queue.size());
                        queue.clear();
                    }
                    queue.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends {@code batch} until it is settled one way or another. */
    private void deliver(List<Delivery> batch) throws InterruptedException {
        Instant first = clock.instant();
        Duration backoff = FIRST_BACKOFF;
        while (!closed) {
            ReceiverClient.Answer answer;
            String failure;
            try {
                answer = client.send(batch, clock.instant());
                failure = "answered " + answer.status() + ": " + brief(answer.body());
            } catch (IOException e) {
                answer = null;
                failure = "unreachable: " + e;
            }
            if (answer != null && answer.delivered()) {
                long now = clock.millis();
                delivered.inc(batch.size());
                for (Delivery delivery : batch) {
                    if (delivery.kafkaTimestamp() >= 0) {
                        latency.update(now - delivery.kafkaTimestamp());
                    }
                }
                return;
            }
            if (answer != null && answer.status() == 410) {
                LOG.warn(
                        "Receiver {} answered 410 Gone: disabled, across restores, until it is"
                                + " renamed in the notification file or the notifier starts without"
                                + " state",
                        receiver.name());
                disabled = true;
                disabledDeliveries.inc(batch.size());
                return;
            }
            if (answer != null && !answer.retryable() && batch.size() > 1) {
                // One refused alert must not take the batch with it: each on its own.
                for (Delivery delivery : batch) {
                    deliver(List.of(delivery));
                }
                return;
            }
            if (answer != null && !answer.retryable()) {
                rejected.inc(batch.size());
                for (Delivery delivery : batch) {
                    deadLetter(
                            delivery,
                            QuarantineReason.REJECTED_BY_RECEIVER,
                            "receiver " + receiver.name() + " " + failure);
                }
                return;
            }
            Duration wait =
                    answer != null && answer.retryAfter() != null ? answer.retryAfter() : backoff;
            if (Duration.between(first, clock.instant()).plus(wait).compareTo(receiver.maxAge())
                    > 0) {
                for (Delivery delivery : batch) {
                    deadLetter(
                            delivery,
                            QuarantineReason.UNDELIVERABLE,
                            "receiver "
                                    + receiver.name()
                                    + " did not take it within its maxAge of "
                                    + receiver.maxAge()
                                    + "; last it "
                                    + failure);
                }
                return;
            }
            retried.inc();
            LOG.debug("Receiver {} {}; retrying in {}", receiver.name(), failure, wait);
            Thread.sleep(wait.toMillis());
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(LONGEST_BACKOFF) > 0) {
                backoff = LONGEST_BACKOFF;
            }
        }
    }

    private void deadLetter(Delivery delivery, QuarantineReason reason, String detail) {
        deadLettered.inc();
        quarantine.accept(
                QuarantineRecord.ofJson(
                        client.body(delivery, clock.instant()),
                        reason,
                        detail,
                        clock.instant(),
                        delivery.alert().ticketId(),
                        delivery.id()));
    }

    private static String brief(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        sender.interrupt();
        sender.join(Duration.ofSeconds(10).toMillis());
    }
}
