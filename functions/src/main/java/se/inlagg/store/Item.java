package se.inlagg.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB item, read or about to be written: typed access to its attributes. Every kind of
 * item in the one table is mapped by hand through this, with no schema built by reflection.
 */
record Item(Map<String, AttributeValue> attributes) {

    static Item of(Map<String, AttributeValue> attributes) {
        return new Item(attributes);
    }

    static Builder builder() {
        return new Builder();
    }

    boolean has(String name) {
        AttributeValue v = attributes.get(name);
        return v != null && !Boolean.TRUE.equals(v.nul());
    }

    String string(String name) {
        return text(name).orElseThrow(() -> new IllegalStateException("item has no " + name));
    }

    Optional<String> text(String name) {
        AttributeValue v = attributes.get(name);
        return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
    }

    long number(String name) {
        AttributeValue v = attributes.get(name);
        return v == null || v.n() == null ? 0 : new BigDecimal(v.n()).longValueExact();
    }

    List<String> strings(String name) {
        AttributeValue v = attributes.get(name);
        if (v == null || !v.hasL()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.l().size());
        v.l().forEach(e -> out.add(e.s()));
        return out;
    }

    Map<String, AttributeValue> map(String name) {
        AttributeValue v = attributes.get(name);
        return v == null || !v.hasM() ? Map.of() : v.m();
    }

    /** Writes an item attribute by attribute; an empty optional writes nothing, as DynamoDB has no empty value. */
    static final class Builder {
        private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();

        Builder s(String name, String value) {
            attributes.put(name, AttributeValue.fromS(value));
            return this;
        }

        Builder s(String name, Optional<String> value) {
            value.ifPresent(v -> s(name, v));
            return this;
        }

        Builder n(String name, long value) {
            attributes.put(name, AttributeValue.fromN(Long.toString(value)));
            return this;
        }

        Builder strings(String name, List<String> values) {
            attributes.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
            return this;
        }

        Builder map(String name, Map<String, AttributeValue> value) {
            attributes.put(name, AttributeValue.fromM(value));
            return this;
        }

        Builder key(String pk, String sk) {
            return s(Keys.PK, pk).s(Keys.SK, sk);
        }

        Map<String, AttributeValue> build() {
            return Map.copyOf(attributes);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** A string's size as DynamoDB counts it: its UTF-8 bytes (an item's limit, a write's units). */
    static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
