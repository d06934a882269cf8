package io.slawatch.model;

/** How a quarantined payload is written: as text when it was valid UTF-8, otherwise base64. */
public enum PayloadEncoding {
    UTF8,
    BASE64
}
