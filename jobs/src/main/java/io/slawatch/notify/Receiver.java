package io.slawatch.notify;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * One place alerts are delivered to, as the notification file declares it.
 *
 * @param secret the webhook signing secret (one or more {@code whsec_…} separated by spaces while
 *     keys rotate) or PagerDuty's routing key; absent for Alertmanager
 * @param user basic-auth user, with {@code password}; both absent when the receiver needs none
 * @param resendInterval how often Alertmanager is told again that an alert still fires, below its
 *     {@code resolve_timeout}
 * @param resendFor how long an alert that never ends is re-sent; after that Alertmanager lets it
 *     expire
 * @param maxAge how long a delivery is retried before it goes to quarantine
 * @param queueCapacity deliveries waiting for this receiver, beyond which new ones go to
 *     quarantine: a dead receiver fills its own queue, not the others'
 * @param generatorUrl Alertmanager's link back, the ticket id appended (e.g. a dashboard filtered
 *     to it)
 * @param source the CloudEvents {@code source}: a URI naming this slawatch deployment
 */
public record Receiver(
        String name,
        ReceiverType type,
        URI url,
        SecretSource secret,
        String user,
        SecretSource password,
        Duration timeout,
        Duration resendInterval,
        Duration resendFor,
        Duration maxAge,
        int queueCapacity,
        String generatorUrl,
        String source)
        implements Serializable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_RESEND_FOR = Duration.ofDays(7);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);
    public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    public static final String DEFAULT_SOURCE = "urn:slawatch";
}
