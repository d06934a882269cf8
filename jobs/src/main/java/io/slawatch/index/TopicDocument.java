package io.slawatch.index;

import io.slawatch.model.QuarantineRecord;
import io.slawatch.sink.IndexedDocument;
import java.nio.charset.StandardCharsets;

/**
 * A record of one of the indexer's topics: the document it becomes ({@code index}, {@code id}, its
 * JSON {@code source}, and its record's {@code offset}, which versions it), or, when it is not a
 * document of its topic's kind, the quarantine record that says why.
 */
public record TopicDocument(
        String index, String id, String source, long offset, QuarantineRecord unreadable) {

    public static TopicDocument of(String index, String id, String source, long offset) {
        return new TopicDocument(index, id, source, offset, null);
    }

    public static TopicDocument unreadable(QuarantineRecord why) {
        return new TopicDocument(null, null, null, -1, why);
    }

    public boolean readable() {
        return unreadable == null;
    }

    /** The document the sink sends, versioned by its offset: its JSON as read, not parsed again. */
    public IndexedDocument indexed() {
        return IndexedDocument.ofJson(index, id, source.getBytes(StandardCharsets.UTF_8), offset);
    }
}
