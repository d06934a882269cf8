package io.slawatch.notify;

/** What a delivery tells its receiver. */
public enum DeliveryAction {
    /** The alert fires (again): Alertmanager's firing alert, PagerDuty's trigger. */
    FIRING,
    /** The alert ended: Alertmanager's {@code endsAt}, PagerDuty's resolve. */
    RESOLVED,
    /** The alert as one event: a webhook's CloudEvent. */
    EVENT
}
