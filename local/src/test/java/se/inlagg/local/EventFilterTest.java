package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lambda's filter patterns as the local server applies them to stream records. */
@SameOnEveryBackend
class EventFilterTest {

    static JsonNode record(String json) throws Exception {
        return Http.JSON.readTree(json);
    }

    @Test
    void aRecordPassesWhenAnyPatternMatchesEveryFieldItNames() throws Exception {
        var filter = EventFilter.of(List.of("{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [{\"prefix\": \"POST#\"}]}, \"SK\": {\"S\": [\"POST\"]}}}}",
                "{\"eventName\": [\"REMOVE\"]}"));
        assertTrue(filter.passes(record("{\"eventName\": \"INSERT\", \"dynamodb\": {\"Keys\": {\"PK\": {\"S\": \"POST#1\"}, \"SK\": {\"S\": \"POST\"}}}}")));
        assertFalse(filter.passes(record("{\"eventName\": \"INSERT\", \"dynamodb\": {\"Keys\": {\"PK\": {\"S\": \"POST#1\"}, \"SK\": {\"S\": \"BODY\"}}}}")));
        assertTrue(filter.passes(record("{\"eventName\": \"REMOVE\", \"dynamodb\": {\"Keys\": {\"PK\": {\"S\": \"TAG#a\"}}}}")), "the second pattern");
        assertFalse(filter.passes(record("{\"eventName\": \"MODIFY\"}")), "a field the pattern names is missing");
        assertTrue(EventFilter.of(List.of()).passes(record("{}")), "no filter lets everything through");
    }

    @Test
    void theOperatorsLambdaDocumentsForStringsWork() throws Exception {
        var r = record("{\"a\": \"Frivården\", \"n\": 5, \"tags\": [\"x\", \"y\"]}");
        assertTrue(EventFilter.of(List.of("{\"a\": [{\"suffix\": \"den\"}]}")).passes(r));
        assertTrue(EventFilter.of(List.of("{\"a\": [{\"equals-ignore-case\": \"FRIVÅRDEN\"}]}")).passes(r));
        assertFalse(EventFilter.of(List.of("{\"a\": [{\"anything-but\": [\"Frivården\"]}]}")).passes(r));
        assertTrue(EventFilter.of(List.of("{\"b\": [{\"exists\": false}]}")).passes(r));
        assertFalse(EventFilter.of(List.of("{\"a\": [{\"exists\": false}]}")).passes(r));
        assertTrue(EventFilter.of(List.of("{\"n\": [5.0]}")).passes(r), "numbers compare as numbers");
        assertTrue(EventFilter.of(List.of("{\"tags\": [\"y\"]}")).passes(r), "any value of a list field");
    }

    @Test
    void anOperatorTheServerCannotEmulateIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> EventFilter.of(List.of("{\"n\": [{\"numeric\": [\">\", 1]}]}")));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.of(List.of("{\"n\": 1}")));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.of(List.of("[1]")));
    }
}
