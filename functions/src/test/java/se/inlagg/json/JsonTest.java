package se.inlagg.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsObjectsInTheirOrderWithExactDecimalsAndSwedishText() {
        Object read = Json.read("{\"titel\": \"Årets möte i Göteborg\", \"b\": [1, 2.50, true, null], \"a\": {\"n\": 9007199254740993}}");

        Map<?, ?> object = assertInstanceOf(Map.class, read);
        assertEquals(List.of("titel", "b", "a"), List.copyOf(object.keySet()));
        assertEquals("Årets möte i Göteborg", object.get("titel"));
        assertEquals(Arrays.asList(1, new BigDecimal("2.50"), true, null), object.get("b"));
        assertEquals(9007199254740993L, ((Map<?, ?>) object.get("a")).get("n"));
    }

    @Test
    void writesWhatItReadsBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("titel", "Vår \"nya\" rutin\n");
        value.put("nextCursor", null);
        value.put("tal", List.of(1, 2L, new BigDecimal("0.10"), 1.5d));
        value.put("flaggor", new Object[] {true, false});

        String text = Json.write(value);

        assertEquals("{\"titel\":\"Vår \\\"nya\\\" rutin\\n\",\"nextCursor\":null,\"tal\":[1,2,0.10,1.5],\"flaggor\":[true,false]}", text);
        assertEquals(Json.read(text), Json.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void writesAnEmojiAsItsUtf8BytesNotAsEscapes() {
        String text = Json.write(Map.of("titel", "Fika \uD83C\uDF70 i Malmö"));

        assertEquals("{\"titel\":\"Fika \uD83C\uDF70 i Malmö\"}", text);
        assertEquals(Map.of("titel", "Fika \uD83C\uDF70 i Malmö"), Json.read(text));
    }

    @Test
    void refusesDuplicateKeysTrailingDataEmptyInputAndDeepNesting() {
        assertTrue(assertThrows(Json.JsonException.class, () -> Json.read("{\"a\":1,\"a\":2}")).getMessage().contains("Duplicate field 'a'"));
        assertTrue(assertThrows(Json.JsonException.class, () -> Json.read("{} {}")).getMessage().startsWith("Trailing token"));
        assertEquals("No content to read", assertThrows(Json.JsonException.class, () -> Json.read("  ")).getMessage());
        assertThrows(Json.JsonException.class, () -> Json.read("{\"a\": tru}"));
        String deep = "[".repeat(Json.MAX_NESTING + 1) + "]".repeat(Json.MAX_NESTING + 1);
        assertEquals("Nested deeper than 32 levels", assertThrows(Json.JsonException.class, () -> Json.read(deep)).getMessage());
        // The parser's own words without its internals, and where in the body.
        String cut = assertThrows(Json.JsonException.class, () -> Json.read("{\"title\":\"X\"")).getMessage();
        assertTrue(cut.startsWith("Unexpected end-of-input") && cut.endsWith("(line 1, column 13)"), cut);
        assertFalse(cut.contains("Source") || cut.contains("REDACTED") || cut.contains("StreamRead"), cut);
        String longNumber = assertThrows(Json.JsonException.class, () -> Json.read("{\"a\": " + "9".repeat(1200) + "}")).getMessage();
        assertTrue(longNumber.startsWith("Number value length") && !longNumber.contains("StreamReadConstraints")
                && !longNumber.contains("Nested"), longNumber);
        // Nor how to make the parser take what JSON does not have ("enable
        // `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow").
        for (String lax : List.of("{\"a\": NaN}", "{\"a\": -Infinity}", "{\"a\": 01}", "{'a': 1}", "{a: 1}", "{\"a\": 1 # note\n}",
                "{\"a\": 1 // note\n}", "{\"a\": 1 /* note */}", "{\"a\": +1}", "{\"a\": .5}", "{\"a\": 1,}", "[1,,2]", "{\"a\": \"\t\"}",
                "{\"a\": \"\\q\"}")) {
            String said = assertThrows(Json.JsonException.class, () -> Json.read(lax)).getMessage();
            assertFalse(said.contains("`") || said.contains("Feature") || said.contains("ALLOW_") || said.contains("enable"), lax + ": " + said);
            assertTrue(said.matches(".+ \\(line 1, column \\d+\\)"), lax + ": " + said);
        }
        String deepest = "[".repeat(Json.MAX_NESTING) + "]".repeat(Json.MAX_NESTING);
        assertInstanceOf(List.class, Json.read(deepest));
    }

    @Test
    void refusesToGuessAtATypeWithNoJsonForm() {
        var refused = assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("när", Instant.EPOCH)));
        assertTrue(refused.getMessage().contains("java.time.Instant"));
    }
}
