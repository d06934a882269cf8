package io.slawatch.ingest.file;

import io.slawatch.ingest.RawDecoder;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded source of records (ticket events, reviews) from JSON-lines files, read in the order
 * given by one reader (run it at parallelism 1) and decoded; a line that cannot be used is
 * quarantined with its file and line number.
 */
public final class FileLinesSource<T>
        implements Source<T, FileLinesSplit, List<FileLinesSplit>>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final List<String> files;
    private final RawDecoder<T> decoder;

    public FileLinesSource(List<String> files, RawDecoder<T> decoder) {
        this.files = List.copyOf(files);
        this.decoder = decoder;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return decoder.producedType();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<T, FileLinesSplit> createReader(SourceReaderContext context) {
        return new FileLinesReader<>(context, decoder);
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
