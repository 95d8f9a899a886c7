package se.inlagg.emulator.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy of a browser upload: a base64 JSON document with an expiration and conditions, each
 * of which the form must meet ({@code {"field": "value"}}, {@code ["eq", "$field", "value"]},
 * {@code ["starts-with", "$field", "prefix"]}, {@code ["content-length-range", min, max]}), and
 * which together must name every form field but the few S3 exempts.
 */
final class PostPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One condition on a field, named as the policy spells it (S3 quotes it so when it fails) and
     * matched without regard to case; {@code bucket} is the URL's bucket, not a field.
     */
    sealed interface Condition {
        record Equals(String name, String value) implements Condition {
        }

        record StartsWith(String name, String prefix) implements Condition {
        }

        record LengthRange(long min, long max) implements Condition {
        }
    }

    private final Instant expiration;
    private final List<Condition> conditions;

    private PostPolicy(Instant expiration, List<Condition> conditions) {
        this.expiration = expiration;
        this.conditions = conditions;
    }

    static PostPolicy parse(String base64) {
        JsonNode doc;
        try {
            doc = JSON.readTree(new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw invalid("Invalid Policy: Invalid JSON.");
        }
        if (doc == null || !doc.isObject()) {
            throw invalid("Invalid Policy: Invalid JSON.");
        }
        Instant expiration;
        try {
            expiration = Instant.parse(doc.path("expiration").asText(""));
        } catch (DateTimeParseException e) {
            throw invalid("Invalid Policy: Invalid 'expiration' value: '" + doc.path("expiration").asText("") + "'");
        }
        JsonNode list = doc.path("conditions");
        if (!list.isArray()) {
            throw invalid("Invalid Policy: Invalid 'conditions' value: must be a List.");
        }
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : list) {
            conditions.addAll(condition(c));
        }
        return new PostPolicy(expiration, List.copyOf(conditions));
    }

    private static List<Condition> condition(JsonNode c) {
        if (c.isObject()) {
            List<Condition> exact = new ArrayList<>();
            c.properties().forEach(e -> {
                if (!e.getValue().isValueNode()) {
                    throw invalidCondition(c);
                }
                exact.add(new Condition.Equals(e.getKey(), e.getValue().asText()));
            });
            return exact;
        }
        if (c.isArray() && c.size() == 3) {
            String op = c.get(0).asText().toLowerCase(Locale.ROOT);
            switch (op) {
                case "eq", "starts-with" -> {
                    if (!c.get(1).isTextual() || !c.get(1).asText().startsWith("$") || !c.get(2).isValueNode()) {
                        throw invalidCondition(c);
                    }
                    String field = c.get(1).asText().substring(1);
                    String value = c.get(2).asText();
                    return List.of(op.equals("eq") ? new Condition.Equals(field, value) : new Condition.StartsWith(field, value));
                }
                case "content-length-range" -> {
                    long min = number(c.get(1), c);
                    long max = number(c.get(2), c);
                    return List.of(new Condition.LengthRange(min, max));
                }
                default -> throw invalidCondition(c);
            }
        }
        throw invalidCondition(c);
    }

    /** Field names are matched without regard to case; {@code redirect} is the older name of {@code success_action_redirect}. */
    private static String field(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("redirect") ? "success_action_redirect" : lower;
    }

    private static long number(JsonNode n, JsonNode condition) {
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().strip());
            } catch (NumberFormatException e) {
                throw invalidCondition(condition);
            }
        }
        throw invalidCondition(condition);
    }

    private static S3Error invalid(String message) {
        return new S3Error(400, "InvalidPolicyDocument", message);
    }

    private static S3Error invalidCondition(JsonNode c) {
        return invalid("Invalid Policy: Invalid Condition: " + c);
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiration);
    }

    /** The content-length-range, or null when the policy has none. */
    Condition.LengthRange lengthRange() {
        return conditions.stream().filter(c -> c instanceof Condition.LengthRange).map(c -> (Condition.LengthRange) c)
                .reduce((a, b) -> new Condition.LengthRange(Math.max(a.min(), b.min()), Math.min(a.max(), b.max()))).orElse(null);
    }

    /**
     * Checks every condition against the form (field names in lower case) and that every field is
     * named by one, in that order, as S3 reports them.
     *
     * @throws S3Error AccessDenied naming the condition that failed, or the fields no condition names
     */
    void check(Map<String, String> fields, String bucket) {
        for (Condition c : conditions) {
            switch (c) {
                case Condition.Equals(String name, String value) -> {
                    String actual = value(fields, field(name), bucket);
                    if (actual == null || !actual.equals(value)) {
                        throw failed("eq", name, value);
                    }
                }
                case Condition.StartsWith(String name, String prefix) -> {
                    String actual = value(fields, field(name), bucket);
                    if (actual == null || !startsWith(field(name), actual, prefix)) {
                        throw failed("starts-with", name, prefix);
                    }
                }
                case Condition.LengthRange r -> {
                    // Checked against the file's size while it is received.
                }
            }
        }
        List<String> extra = new ArrayList<>();
        for (String field : fields.keySet()) {
            if (!exempt(field) && conditions.stream().noneMatch(c -> names(c, field))) {
                extra.add(field);
            }
        }
        if (!extra.isEmpty()) {
            throw S3Error.accessDenied("Invalid according to Policy: Extra input fields: " + String.join(", ", extra));
        }
    }

    /** A Content-Type of several types, comma-separated, passes a starts-with when each of them does, as S3 allows. */
    private static boolean startsWith(String field, String actual, String prefix) {
        if (field.equals("content-type") && actual.contains(",")) {
            for (String part : actual.split(",")) {
                if (!part.strip().startsWith(prefix)) {
                    return false;
                }
            }
            return true;
        }
        return actual.startsWith(prefix);
    }

    private static String value(Map<String, String> fields, String field, String bucket) {
        return field.equals("bucket") ? bucket : fields.get(field);
    }

    /** The fields a form may carry without a condition: the file, the policy, its signature, and any x-ignore-*. */
    private static boolean exempt(String field) {
        return field.equals("file") || field.equals("policy") || field.equals("x-amz-signature") || field.startsWith("x-ignore-");
    }

    private static boolean names(Condition c, String field) {
        return switch (c) {
            case Condition.Equals e -> field(e.name()).equals(field);
            case Condition.StartsWith s -> field(s.name()).equals(field);
            case Condition.LengthRange r -> false;
        };
    }

    private static S3Error failed(String op, String field, String value) {
        return S3Error.accessDenied("Invalid according to Policy: Policy Condition failed: [\"" + op + "\", \"$" + field + "\", "
                + JSON.getNodeFactory().textNode(value) + "]");
    }
}
