package io.slawatch.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes records as JSON lines to one local file, for replay on a local MiniCluster. Run it at
 * parallelism 1: every subtask would write the same file.
 */
public final class JsonLinesFileSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String file;

    public JsonLinesFileSink(Path file) {
        this.file = file.toString();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new JsonLinesFileWriter<>(
                Files.newBufferedWriter(
                        Path.of(file),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE));
    }
}
