package se.inlagg.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * JSON as plain maps, lists, strings, numbers and booleans, on jackson-jr: the whole of what this
 * code needs from JSON at a small part of databind's start-up cost. Strict about what it reads:
 * duplicate keys, trailing data and nesting past {@link #MAX_NESTING} are errors, not guesses.
 */
public final class Json {

    /** Far deeper than any post needs, far shallower than a stack overflow. */
    public static final int MAX_NESTING = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    // Maps keep their keys' order (a JSON object reads back as written), decimals stay exact, and a
    // null is written as null ("nextCursor": null), not left out.
    private static final JSON JR = JSON.builder(FACTORY)
            .enable(JSON.Feature.PRESERVE_FIELD_ORDERING, JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JSON.Feature.WRITE_NULL_PROPERTIES)
            .build();

    private Json() {
    }

    /** One JSON value and nothing after it; {@link JsonException} says what is wrong, in English. */
    public static Object read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return readOne(parser);
        } catch (JsonProcessingException e) {
            throw new JsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same as {@link #read(String)}, from a stream (a Lambda event). */
    public static Object read(InputStream in) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return readOne(parser);
        } catch (JsonProcessingException e) {
            throw new JsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object readOne(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw new JsonException("No content to read");
        }
        Object value = JR.anyFrom(parser);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new JsonException("Trailing token (" + trailing + ") after the first value");
        }
        return value;
    }

    public static String write(Object value) {
        try {
            return JR.asString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a value of our own could not be written as JSON", e);
        }
    }

    public static void write(Object value, OutputStream out) {
        try {
            JR.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text that is not the JSON it should be. */
    public static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message == null ? "not valid JSON" : message.replaceAll("\\p{Cntrl}", " "), null, false, false);
        }
    }
}
