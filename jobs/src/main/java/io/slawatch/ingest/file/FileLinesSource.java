package io.slawatch.ingest.file;

import io.slawatch.model.RawEvent;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded source of the lines of local files (JSON lines of ticket events), read in the order
 * given by one reader: run it at parallelism 1. Each line carries its file and line number.
 */
public final class FileLinesSource
        implements Source<RawEvent, FileLinesSplit, List<FileLinesSplit>> {

    private static final long serialVersionUID = 1L;

    private final List<String> files;

    public FileLinesSource(List<String> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<RawEvent, FileLinesSplit> createReader(SourceReaderContext context) {
        return new FileLinesReader(context);
    }

    @Override
    public SplitEnumerator<FileLinesSplit, List<FileLinesSplit>> createEnumerator(
            SplitEnumeratorContext<FileLinesSplit> context) {
        return new FileLinesEnumerator(context, List.of(new FileLinesSplit(files, 0, 0)));
    }

    @Override
    public SplitEnumerator<FileLinesSplit, List<FileLinesSplit>> restoreEnumerator(
            SplitEnumeratorContext<FileLinesSplit> context, List<FileLinesSplit> checkpoint) {
        return new FileLinesEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<FileLinesSplit> getSplitSerializer() {
        return FileLinesSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<List<FileLinesSplit>> getEnumeratorCheckpointSerializer() {
        return new FileLinesSplitSerializer.Pending();
    }
}
