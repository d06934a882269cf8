package io.slawatch.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes and reads as {@code written} does; a copy is the record itself, which nobody changes
 * ({@link ImmutableTypeInfo}).
 */
public final class ImmutableSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> written;

    ImmutableSerializer(TypeSerializer<T> written) {
        this.written = written;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<T> duplicate = written.duplicate();
        return duplicate == written ? this : new ImmutableSerializer<>(duplicate);
    }

    @Override
    public T createInstance() {
        return written.createInstance();
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public T copy(T from, T reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return written.getLength();
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        written.serialize(record, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return written.deserialize(source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return written.deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        written.copy(source, target);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImmutableSerializer<?> that && written.equals(that.written);
    }

    @Override
    public int hashCode() {
        return 31 * ImmutableSerializer.class.hashCode() + written.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** The snapshot of the serializer written with, nested. */
    public static final class Snapshot<T>
            extends CompositeTypeSerializerSnapshot<T, ImmutableSerializer<T>> {

        private static final int VERSION = 1;

        /** For Flink's reflective restore. */
        public Snapshot() {}

        Snapshot(ImmutableSerializer<T> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return VERSION;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(ImmutableSerializer<T> outer) {
            return new TypeSerializer<?>[] {outer.written};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected ImmutableSerializer<T> createOuterSerializerWithNestedSerializers(
                TypeSerializer<?>[] nested) {
            return new ImmutableSerializer<>((TypeSerializer<T>) nested[0]);
        }
    }
}
