package io.slawatch.notify;

import java.util.Locale;

/** Where a receiver's deliveries go and in what form. */
public enum ReceiverType {
    /** Prometheus Alertmanager, API v2: firing alerts re-sent, ended ones resolved. */
    ALERTMANAGER,
    /** Any HTTP endpoint: one CloudEvent per alert, signed per Standard Webhooks. */
    WEBHOOK,
    /** PagerDuty Events API v2: trigger and resolve by a dedup key per clock cycle. */
    PAGERDUTY;

    /** As the notification file spells it. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the notifier keeps what is firing for this receiver, to resolve it later. */
    public boolean tracksFiring() {
        return this != WEBHOOK;
    }
}
