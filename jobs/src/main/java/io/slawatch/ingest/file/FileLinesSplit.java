package io.slawatch.ingest.file;

import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * All input files, read in order by one reader, and how far it got: {@code linesRead} lines of the
 * file at {@code fileIndex}. One split keeps the input order, which replay's determinism rests on.
 */
public record FileLinesSplit(List<String> files, int fileIndex, long linesRead)
        implements SourceSplit {

    public FileLinesSplit {
        files = List.copyOf(files);
    }

    @Override
    public String splitId() {
        return "files";
    }
}
