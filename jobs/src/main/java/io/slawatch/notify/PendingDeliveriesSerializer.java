package io.slawatch.notify;

import io.slawatch.serde.Json;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** {@link PendingDeliveries} as JSON: readable in a savepoint, and alerts are JSON anyway. */
public final class PendingDeliveriesSerializer
        implements SimpleVersionedSerializer<PendingDeliveries> {

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(PendingDeliveries state) {
        return Json.bytes(state);
    }

    @Override
    public PendingDeliveries deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown pending-deliveries state version " + version);
        }
        return Json.mapper().readValue(serialized, PendingDeliveries.class);
    }
}
