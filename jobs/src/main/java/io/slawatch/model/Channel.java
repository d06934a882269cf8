package io.slawatch.model;

/** How the customer reached after-sales service. */
public enum Channel {
    PHONE,
    CHAT,
    EMAIL,
    APP,
    SOCIAL
}
