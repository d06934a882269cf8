package io.slawatch.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * One receiver's HTTP requests in its own format: Alertmanager's alert arrays (several deliveries a
 * request), signed CloudEvents, PagerDuty events. Its secrets are read when it is made, where the
 * deliveries are sent from, and never appear in a message.
 */
final class ReceiverClient {

    /** Alerts per Alertmanager request: a backlog drains in few requests. */
    static final int ALERTMANAGER_BATCH = 100;

    private final Receiver receiver;
    private final HttpClient http;
    private final URI endpoint;
    private final List<byte[]> signingKeys;
    private final String routingKey;
    private final String authorization;

    ReceiverClient(Receiver receiver) {
        this.receiver = receiver;
        this.http = HttpClient.newBuilder().connectTimeout(receiver.timeout()).build();
        this.endpoint = endpoint(receiver);
        this.signingKeys =
                receiver.type() == ReceiverType.WEBHOOK
                        ? StandardWebhooks.keys(receiver.secret().read())
                        : List.of();
        this.routingKey =
                receiver.type() == ReceiverType.PAGERDUTY ? receiver.secret().read() : null;
        this.authorization =
                receiver.user() == null
                        ? null
                        : "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (receiver.user() + ":" + receiver.password().read())
                                                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Alertmanager's base URL gets the API path; the others are used as given. */
    static URI endpoint(Receiver receiver) {
        if (receiver.type() != ReceiverType.ALERTMANAGER
                || receiver.url().getPath().endsWith(AlertmanagerAlerts.PATH)) {
            return receiver.url();
        }
        String base = receiver.url().toString();
        return URI.create(
                (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                        + AlertmanagerAlerts.PATH);
    }

    int batchSize() {
        return receiver.type() == ReceiverType.ALERTMANAGER ? ALERTMANAGER_BATCH : 1;
    }

    /** What the receiver answered. */
    record Answer(int status, String body, Duration retryAfter) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }

        /** Worth trying again: the receiver is busy, down or timed out. */
        boolean retryable() {
            return status == 408 || status == 429 || status >= 500;
        }
    }

    /** Sends {@code batch} (one delivery unless Alertmanager) once. */
    Answer send(List<Delivery> batch, Instant now) throws IOException, InterruptedException {
        byte[] body;
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(receiver.timeout());
        switch (receiver.type()) {
            case ALERTMANAGER -> {
                body = AlertmanagerAlerts.body(batch, receiver, now);
                request.header("Content-Type", "application/json");
            }
            case WEBHOOK -> {
                Delivery delivery = batch.get(0);
                body = CloudEvents.body(delivery.alert(), receiver.source());
                long timestamp = now.getEpochSecond();
                request.header("Content-Type", CloudEvents.CONTENT_TYPE)
                        .header(StandardWebhooks.ID_HEADER, delivery.id())
                        .header(StandardWebhooks.TIMESTAMP_HEADER, String.valueOf(timestamp))
                        .header(
                                StandardWebhooks.SIGNATURE_HEADER,
                                StandardWebhooks.signature(
                                        signingKeys, delivery.id(), timestamp, body));
            }
            case PAGERDUTY -> {
                body = PagerDutyEvents.body(batch.get(0), routingKey, receiver.source());
                request.header("Content-Type", "application/json");
            }
            default -> throw new IllegalStateException("unknown receiver type");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response =
                http.send(
                        request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers()
                        .firstValue("Retry-After")
                        .map(ReceiverClient::retryAfter)
                        .orElse(null));
    }

    /** What a request for {@code delivery} carries, for quarantine: its body. */
    String body(Delivery delivery, Instant now) {
        byte[] body =
                switch (receiver.type()) {
                    case ALERTMANAGER -> AlertmanagerAlerts.body(List.of(delivery), receiver, now);
                    case WEBHOOK -> CloudEvents.body(delivery.alert(), receiver.source());
                    // The routing key is a secret: quarantine holds the event without it.
                    case PAGERDUTY -> PagerDutyEvents.body(delivery, "(secret)", receiver.source());
                };
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when it is neither. */
    static Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at =
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(Instant.now(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
