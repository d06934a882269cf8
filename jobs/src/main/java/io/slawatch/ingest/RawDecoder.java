package io.slawatch.ingest;

import io.slawatch.model.RawEvent;
import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Turns one raw input record into {@code T}: a value, or a quarantine record saying why not. It
 * never throws for bad input.
 */
public interface RawDecoder<T> extends Serializable {
    T decode(RawEvent raw);

    /** The type of what {@link #decode} returns, for Flink. */
    TypeInformation<T> producedType();
}
