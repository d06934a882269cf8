package io.slawatch.sink;

import io.slawatch.serde.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import org.apache.flink.api.connector.sink2.SinkWriter;

/** Writes each record as one JSON line; flushes on checkpoints and at the end of input. */
final class JsonLinesFileWriter<T> implements SinkWriter<T> {

    private final BufferedWriter writer;

    JsonLinesFileWriter(BufferedWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(T element, Context context) throws IOException {
        writer.write(Json.mapper().writeValueAsString(element));
        writer.newLine();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
