package io.slawatch.index;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.slawatch.serde.Json;
import java.io.IOException;

/**
 * A top-level text field of a JSON document, read by streaming through it: the whole document is
 * still checked to be well-formed JSON, as a tree would be, without building the tree the indexer
 * would throw away (it sends the record's own bytes).
 *
 * @param inObject whether the document is a JSON object
 * @param value the field's text; null when it is absent or not text
 */
record IdField(boolean inObject, String value) {

    /**
     * Reads {@code field} of {@code json}; a document that is not well-formed, or has anything
     * after its value, is refused as the mapper's tree reading would refuse it.
     */
    static IdField read(String json, String field) throws IOException {
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                endsAfterValue(parser);
                return new IdField(false, null);
            }
            String value = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                // A repeated field counts with its last value, as in a tree.
                boolean wanted = parser.currentName().equals(field);
                JsonToken token = parser.nextToken();
                if (wanted) {
                    value = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            endsAfterValue(parser);
            return new IdField(true, value);
        }
    }

    private static void endsAfterValue(JsonParser parser) throws IOException {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new JsonParseException(
                    parser, "Trailing token (of type " + trailing + ") found after value");
        }
    }
}
