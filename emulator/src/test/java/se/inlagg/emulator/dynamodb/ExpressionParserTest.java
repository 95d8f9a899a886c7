package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expression grammar's corners that are awkward to reach through the SDK: precedence, paths, keyword case. */
class ExpressionParserTest {

    private static ExpressionAttributes attributes(String valuesJson) {
        try {
            ObjectNode r = Json.MAPPER.createObjectNode();
            if (!valuesJson.isEmpty()) {
                r.set("ExpressionAttributeValues", Json.MAPPER.readTree(valuesJson));
            }
            r.set("ExpressionAttributeNames", Json.MAPPER.readTree("{\"#p\":\"pending\",\"#x\":\"p-1\"}"));
            return new ExpressionAttributes(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean test(String condition, Map<String, Value> item) {
        return ConditionEvaluator.test(ExpressionParser.condition(condition, "ConditionExpression",
                attributes("{\":t\":{\"BOOL\":true},\":one\":{\"N\":\"1\"}}")), item);
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Map<String, Value> item = Map.of("a", Value.n(1));
        assertTrue(test("a = :one OR a = :t AND a = :t", item), "OR of (true) and (false AND false)");
        assertFalse(test("(a = :one OR a = :t) AND a = :t", item));
        assertTrue(test("NOT a = :t AND a = :one", item));
        assertTrue(test("not a = :t and a = :one", item), "keywords in any case");
    }

    @Test
    void pathsReachIntoMapsAndLists() {
        var update = ExpressionParser.update("SET #p.#x = :one, lst[1].deep = :one", attributes("{\":one\":{\"N\":\"1\"}}"));
        assertEquals(List.of("pending", "p-1"), update.actions().getFirst().path().elements());
        assertEquals(List.of("lst", 1, "deep"), update.actions().get(1).path().elements());
    }

    @Test
    void eachUpdateClauseMayAppearOnce() {
        var e = assertThrows(ServiceError.class, () -> ExpressionParser.update("SET a = :one SET b = :one", attributes("{\":one\":{\"N\":\"1\"}}")));
        assertTrue(e.getMessage().contains("The \"SET\" section can only be used once"), e.getMessage());
    }

    @Test
    void sortKeysOrderStringsByCodePointNotUtf16Unit() {
        // U+FF5E (one UTF-16 unit) sorts before U+1F600 (a surrogate pair) in UTF-8 byte order; String.compareTo says otherwise.
        assertTrue(KeyOrder.INSTANCE.compare(Value.s("\uFF5E"), Value.s("\uD83D\uDE00")) < 0);
        assertTrue("\uFF5E".compareTo("\uD83D\uDE00") > 0);
    }

    @Test
    void itemSizesFollowDynamoDbsRules() {
        assertEquals(2 + 3, ItemSize.of(Map.of("ab", Value.s("åb"))), "UTF-8 bytes of name and value");
        assertEquals(1 + 3, ItemSize.of(Map.of("n", Value.n(123))), "numbers: one byte per two digits (rounded up), plus one");
        assertEquals(1 + 3 + (1 + 1), ItemSize.of(Map.of("l", new Value.L(List.of(Value.s("x"))))), "lists: 3 bytes plus 1 per element");
    }
}
