package se.inlagg.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.inlagg.local.Template;

/**
 * One file of events/: the event as API Gateway sends it (or, for a function fed by the table's
 * stream, a batch of stream records as Lambda sends it, or what a schedule sends), the function it
 * belongs to and, for an HTTP event, the route it came in on.
 */
record ReplayEvent(String file, ObjectNode json, String functionId, Optional<Template.Route> route) {

    boolean isAuthorizerEvent() {
        return route.isEmpty() && json.has("identitySource");
    }

    /** What a schedule of the template sends the function (its Input): neither a request nor a batch. */
    boolean isScheduledEvent() {
        return route.isEmpty() && !isStreamEvent() && !isAuthorizerEvent();
    }

    /** A DynamoDB Streams batch (DynamodbEvent JSON): its records under "Records". */
    boolean isStreamEvent() {
        return route.isEmpty() && json.has("Records");
    }

    String text(String... path) {
        JsonNode at = json;
        for (String p : path) {
            at = at.path(p);
        }
        return at.asText("");
    }

    String method() {
        return text("requestContext", "http", "method");
    }

    String rawPath() {
        return text("rawPath");
    }

    Optional<String> header(String name) {
        var value = json.path("headers").path(name);
        return value.isMissingNode() ? Optional.empty() : Optional.of(value.asText());
    }

    /** The body as text, decoded from base64 when API Gateway encoded it. */
    String body() {
        String body = json.path("body").asText("");
        return json.path("isBase64Encoded").asBoolean() ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    /** The fields of a form body (application/x-www-form-urlencoded); empty for any other body. */
    Map<String, String> formFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!header("content-type").orElse("").startsWith("application/x-www-form-urlencoded")) {
            return fields;
        }
        for (String pair : body().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
