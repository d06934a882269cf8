package io.slawatch.ingest.file;

import io.slawatch.ingest.RawDecoder;
import io.slawatch.model.RawEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Reads the split's files line by line, as bytes (a line that is not UTF-8 still reaches the
 * decoder whole), gunzipping files named {@code *.gz}, and decodes each line. Blank lines are
 * skipped but counted, so line numbers match the file.
 */
final class FileLinesReader<T> implements SourceReader<T, FileLinesSplit> {

    private final SourceReaderContext context;
    private final RawDecoder<T> decoder;
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private FileLinesSplit split;
    private int fileIndex;
    private long linesRead;
    private InputStream in;
    private boolean noMoreSplits;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    FileLinesReader(SourceReaderContext context, RawDecoder<T> decoder) {
        this.context = context;
        this.decoder = decoder;
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws IOException {
        while (split != null) {
            if (in == null) {
                if (fileIndex >= split.files().size()) {
                    split = null;
                    break;
                }
                in = open(split.files().get(fileIndex), linesRead);
            }
            byte[] bytes = nextLine();
            if (bytes == null) {
                in.close();
                in = null;
                fileIndex++;
                linesRead = 0;
                continue;
            }
            linesRead++;
            if (bytes.length == 0) {
                continue;
            }
            output.collect(
                    decoder.decode(
                            new RawEvent(
                                    split.files().get(fileIndex),
                                    RawEvent.FILE,
                                    linesRead,
                                    bytes)));
            return InputStatus.MORE_AVAILABLE;
        }
        if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
        }
        available = new CompletableFuture<>();
        return InputStatus.NOTHING_AVAILABLE;
    }

    private InputStream open(String file, long skipLines) throws IOException {
        in = Lines.open(Path.of(file));
        for (long i = 0; i < skipLines; i++) {
            Lines.next(in, line);
        }
        return in;
    }

    private byte[] nextLine() throws IOException {
        return Lines.next(in, line);
    }

    @Override
    public List<FileLinesSplit> snapshotState(long checkpointId) {
        return split == null
                ? List.of()
                : List.of(new FileLinesSplit(split.files(), fileIndex, linesRead));
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<FileLinesSplit> splits) {
        split = splits.get(0);
        fileIndex = split.fileIndex();
        linesRead = split.linesRead();
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
