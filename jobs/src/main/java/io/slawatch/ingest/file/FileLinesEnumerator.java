package io.slawatch.ingest.file;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/** Hands the one split to the reader that asks, then says there are no more. */
final class FileLinesEnumerator implements SplitEnumerator<FileLinesSplit, List<FileLinesSplit>> {

    private final SplitEnumeratorContext<FileLinesSplit> context;
    private final Deque<FileLinesSplit> pending;

    FileLinesEnumerator(
            SplitEnumeratorContext<FileLinesSplit> context, List<FileLinesSplit> pending) {
        this.context = context;
        this.pending = new ArrayDeque<>(pending);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (!pending.isEmpty()) {
            context.assignSplit(pending.poll(), subtaskId);
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<FileLinesSplit> splits, int subtaskId) {
        splits.forEach(pending::addFirst);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public List<FileLinesSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(pending);
    }

    @Override
    public void close() {}
}
