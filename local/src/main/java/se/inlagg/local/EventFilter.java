package se.inlagg.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lambda's event filtering for an event source mapping, as the local server applies it to stream
 * records: a record passes when any filter's pattern matches it. A pattern names fields (nested as in
 * the record) and, for each, a list of what may stand there: a value, or {"prefix"}, {"suffix"},
 * {"equals-ignore-case"}, {"anything-but"} or {"exists"}. An operator it does not know is refused when
 * the server starts, rather than quietly letting everything through.
 */
final class EventFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPERATORS = List.of("prefix", "suffix", "equals-ignore-case", "anything-but", "exists");

    private final List<JsonNode> patterns;

    private EventFilter(List<JsonNode> patterns) {
        this.patterns = patterns;
    }

    /** The filters of one event source; none lets every record through, as in Lambda. */
    static EventFilter of(List<String> patterns) {
        List<JsonNode> parsed = patterns.stream().map(EventFilter::parse).toList();
        parsed.forEach(EventFilter::check);
        return new EventFilter(parsed);
    }

    boolean passes(JsonNode record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, record));
    }

    private static boolean matches(JsonNode pattern, JsonNode value) {
        for (Map.Entry<String, JsonNode> field : pattern.properties()) {
            JsonNode expected = field.getValue();
            JsonNode actual = value == null ? null : value.get(field.getKey());
            boolean ok = expected.isObject()
                    ? actual != null && actual.isObject() && matches(expected, actual)
                    : anyOf(expected, actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The list of what may stand in one field; against an array of values, any one of them may match. */
    private static boolean anyOf(JsonNode alternatives, JsonNode actual) {
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject() && alternative.has("exists")) {
                if (alternative.get("exists").asBoolean() == (actual != null && !actual.isNull())) {
                    return true;
                }
                continue;
            }
            if (actual == null) {
                continue;
            }
            if (actual.isArray()) {
                for (JsonNode one : actual) {
                    if (one(alternative, one)) {
                        return true;
                    }
                }
            } else if (one(alternative, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean one(JsonNode alternative, JsonNode actual) {
        if (!alternative.isObject()) {
            return alternative.equals(actual) || (alternative.isNumber() && actual.isNumber()
                    && alternative.decimalValue().compareTo(actual.decimalValue()) == 0);
        }
        String text = actual.isValueNode() ? actual.asText() : null;
        if (alternative.has("prefix")) {
            return text != null && actual.isTextual() && text.startsWith(alternative.get("prefix").asText());
        }
        if (alternative.has("suffix")) {
            return text != null && actual.isTextual() && text.endsWith(alternative.get("suffix").asText());
        }
        if (alternative.has("equals-ignore-case")) {
            return text != null && actual.isTextual()
                    && text.toLowerCase(Locale.ROOT).equals(alternative.get("equals-ignore-case").asText().toLowerCase(Locale.ROOT));
        }
        JsonNode but = alternative.get("anything-but");
        if (but.isArray()) {
            for (JsonNode excluded : but) {
                if (excluded.equals(actual)) {
                    return false;
                }
            }
            return true;
        }
        return !but.equals(actual);
    }

    private static JsonNode parse(String pattern) {
        try {
            JsonNode node = JSON.readTree(pattern);
            if (!node.isObject()) {
                throw new IllegalArgumentException("a filter pattern must be a JSON object: " + pattern);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a filter pattern is not JSON: " + pattern, e);
        }
    }

    private static void check(JsonNode pattern) {
        for (Map.Entry<String, JsonNode> field : pattern.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                check(value);
            } else if (!value.isArray()) {
                throw new IllegalArgumentException("a filter's field " + field.getKey() + " must name a list of values");
            } else {
                for (JsonNode alternative : value) {
                    if (alternative.isObject() && (alternative.size() != 1 || !OPERATORS.contains(alternative.fieldNames().next()))) {
                        throw new IllegalArgumentException("the local server does not emulate the filter operator " + alternative
                                + " (it knows " + OPERATORS + ")");
                    }
                }
            }
        }
    }
}
