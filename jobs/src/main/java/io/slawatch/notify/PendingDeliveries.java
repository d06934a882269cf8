package io.slawatch.notify;

import java.util.List;

/**
 * A notifier sink writer's checkpointed state: deliveries not yet settled, oldest first, and the
 * receivers a 410 disabled.
 */
public record PendingDeliveries(List<Delivery> deliveries, List<String> disabledReceivers) {

    public PendingDeliveries {
        deliveries = List.copyOf(deliveries);
        disabledReceivers = List.copyOf(disabledReceivers);
    }
}
