package io.slawatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** The id of a topic record, read without building its tree, and what is not a document. */
class IdFieldTest {

    @Test
    void shouldReadATopLevelTextFieldPastNestedOnesOfTheSameName() throws Exception {
        assertThat(
                        IdField.read(
                                "{\"nested\":{\"clockId\":\"no\"},\"list\":[{\"clockId\":1}],"
                                        + "\"clockId\":\"T-1:RESPONSE:1\",\"after\":true}",
                                "clockId"))
                .isEqualTo(new IdField(true, "T-1:RESPONSE:1"));
    }

    @Test
    void shouldTakeTheLastOfARepeatedFieldAsATreeWould() throws Exception {
        assertThat(IdField.read("{\"clockId\":\"a\",\"clockId\":\"b\"}", "clockId"))
                .isEqualTo(new IdField(true, "b"));
    }

    @Test
    void shouldHaveNoValueWhenTheFieldIsAbsentOrNotText() throws Exception {
        assertThat(IdField.read("{\"alertId\":\"a\"}", "clockId"))
                .isEqualTo(new IdField(true, null));
        assertThat(IdField.read("{\"clockId\":7}", "clockId")).isEqualTo(new IdField(true, null));
        assertThat(IdField.read("{\"clockId\":{\"a\":\"b\"}}", "clockId"))
                .isEqualTo(new IdField(true, null));
    }

    @Test
    void shouldTellADocumentThatIsNoObject() throws Exception {
        assertThat(IdField.read("[{\"clockId\":\"a\"}]", "clockId"))
                .isEqualTo(new IdField(false, null));
        assertThat(IdField.read("\"clockId\"", "clockId")).isEqualTo(new IdField(false, null));
        assertThat(IdField.read("", "clockId")).isEqualTo(new IdField(false, null));
    }

    @Test
    void shouldRefuseMalformedJsonAnywhereAndTrailingTokens() {
        assertThatThrownBy(() -> IdField.read("{\"clockId\":\"a\",\"x\":[1,}", "clockId"))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> IdField.read("{\"clockId\":\"a\"} {}", "clockId"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageStartingWith("Trailing token (of type START_OBJECT) found after value");
        assertThatThrownBy(() -> IdField.read("[1] 2", "clockId"))
                .isInstanceOf(JsonProcessingException.class);
    }
}
