package io.slawatch.notify;

import io.slawatch.model.Alert;

/** An alert firing at a receiver, since when (processing time, epoch milliseconds). */
public record Firing(Alert alert, long since) {}
