package io.slawatch.model;

/**
 * An input record before decoding: its bytes and where it came from, so a record that cannot be
 * used can be quarantined whole with its position.
 *
 * @param origin the Kafka topic, or the file the record was read from
 * @param partition the Kafka partition, or -1 for a file
 * @param position the Kafka offset, or the 1-based line in the file
 */
public record RawEvent(String origin, int partition, long position, byte[] payload) {

    public static final int FILE = -1;

    public boolean fromFile() {
        return partition == FILE;
    }
}
