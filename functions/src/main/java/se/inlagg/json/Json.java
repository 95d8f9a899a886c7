package se.inlagg.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonEncoding;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadConstraints;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;
import software.amazon.awssdk.thirdparty.jackson.core.exc.StreamConstraintsException;

/**
 * JSON as plain maps, lists, strings, numbers and booleans. Strict about what it reads: duplicate
 * keys, trailing data and nesting past {@link #MAX_NESTING} are errors, not guesses. Objects keep
 * their keys' order, decimals stay exact ({@link BigDecimal}), and a null is written as null.
 *
 * <p>On the AWS SDK's own copy of jackson-core (its third-party-jackson-core artifact, Jackson
 * relocated): every function that reads DynamoDB loads those classes for the SDK's JSON protocol
 * anyway, so the event parser and the answer writer cost a cold start no classes of their own, as a
 * second jackson-core would (docs/PERFORMANCE.md).
 */
public final class Json {

    /** Far deeper than any post needs, far shallower than a stack overflow. */
    public static final int MAX_NESTING = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /** One JSON value and nothing after it; {@link JsonException} says what is wrong, in English. */
    public static Object read(String text) {
        // As bytes: the same UTF-8 parser the SDK uses, rather than a second, char-based one.
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The parser's complaint without its internals (Jackson's "[Source: REDACTED …" and its method names
     * mean nothing to an API client), with where it is in the body.
     */
    static String plainly(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException && message.contains("nesting depth")) {
            return "Nested deeper than " + MAX_NESTING + " levels";
        }
        int internals = message.indexOf(" (start marker at");
        // Nor how to make Jackson take what JSON does not have ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
        // "Feature 'ALLOW_COMMENTS' not enabled"): JSON is what the API takes.
        message = (internals > 0 ? message.substring(0, internals) : message).replaceAll(",? from `[^`]*`", "")
                .replaceAll(":? *enable `[^`]*` to allow", "")
                .replaceAll(" *\\(not recognized as one since Feature '[^']*' not enabled for parser\\)", "").strip();
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? message : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The same as {@link #read(String)}, from a stream (a Lambda event). */
    public static Object read(InputStream in) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonException("No content to read");
            }
            Object value = value(parser, first);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonException("Trailing token (" + trailing + ") after the first value");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new JsonException(plainly(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value starting at {@code token}; the parser's nesting limit bounds the recursion. */
    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    object.put(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonException("Unexpected token (" + token + ")");
        };
    }

    public static String write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static void write(Object value, OutputStream out) {
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            // An emoji as its four UTF-8 bytes, not as two escaped halves: the same text hashes the same
            // (idempotency keys) and reads as written.
            generator.enable(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case String s -> out.writeString(s);
            case Boolean b -> out.writeBoolean(b);
            case Integer i -> out.writeNumber(i);
            case Long l -> out.writeNumber(l);
            case Short s -> out.writeNumber(s);
            case BigDecimal d -> out.writeNumber(d);
            case BigInteger i -> out.writeNumber(i);
            case Double d -> out.writeNumber(d);
            case Float f -> out.writeNumber(f);
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.writeFieldName(String.valueOf(e.getKey()));
                    write(out, e.getValue());
                }
                out.writeEndObject();
            }
            case Iterable<?> items -> {
                out.writeStartArray();
                for (Object item : items) {
                    write(out, item);
                }
                out.writeEndArray();
            }
            case Object[] items -> write(out, Arrays.asList(items));
            case CharSequence text -> out.writeString(text.toString());
            default -> throw new IllegalArgumentException(
                    "no JSON form for a " + value.getClass().getName() + ": give a map, a list, a string, a number or a boolean");
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
