package io.slawatch.serde;

import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type of a stream of records that nobody changes once emitted (every component final and
 * itself immutable): written as the record's own type information writes it, but handed to a
 * chained operator as it is instead of as a copy ({@link ImmutableSerializer}). Without object
 * reuse, which stays off ({@link FlinkSerialization}), Flink copies every record for every chained
 * consumer, field by field through reflection: a tenth of the SLA operator's time, and the largest
 * single cost the consequences added to it (JFR).
 *
 * <p>For streams between operators only. A state keeps its type's own serializer: a savepoint
 * written with it must go on restoring.
 */
public final class ImmutableTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> written;

    private ImmutableTypeInfo(TypeInformation<T> written) {
        this.written = written;
    }

    /** {@code type}, which must be deeply immutable, written as Flink writes it. */
    public static <T> TypeInformation<T> of(Class<T> type) {
        return new ImmutableTypeInfo<>(TypeInformation.of(type));
    }

    @Override
    public boolean isBasicType() {
        return written.isBasicType();
    }

    @Override
    public boolean isTupleType() {
        return written.isTupleType();
    }

    @Override
    public int getArity() {
        return written.getArity();
    }

    @Override
    public int getTotalFields() {
        return written.getTotalFields();
    }

    @Override
    public Class<T> getTypeClass() {
        return written.getTypeClass();
    }

    @Override
    public Map<String, TypeInformation<?>> getGenericParameters() {
        return written.getGenericParameters();
    }

    @Override
    public boolean isKeyType() {
        return written.isKeyType();
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new ImmutableSerializer<>(written.createSerializer(config));
    }

    @Override
    public String toString() {
        return "Immutable<" + written + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImmutableTypeInfo<?> that
                && that.canEqual(this)
                && written.equals(that.written);
    }

    @Override
    public int hashCode() {
        return 31 * ImmutableTypeInfo.class.hashCode() + written.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof ImmutableTypeInfo;
    }
}
