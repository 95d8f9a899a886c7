package se.inlagg.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's payload 2.0 event, wrapped once: nothing past a handler sees an AWS event type.
 * Reading the body enforces our limits, because an HTTP API has no body-size setting.
 */
public final class ApiRequest {

    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public String method() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null || http.getMethod() == null ? "" : http.getMethod().toUpperCase(Locale.ROOT);
    }

    public String path() {
        return event.getRawPath() == null ? "/" : event.getRawPath();
    }

    /** The route key API Gateway matched, "GET /api/posts" or "$default". */
    public String routeKey() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name));
    }

    /** A query value; API Gateway joins repeated keys with commas, so a repeated key is not one value. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get(name));
    }

    /** A header by name; payload 2.0 lower-cases names and joins repeated headers with commas. */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            value = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return Optional.ofNullable(value);
    }

    /** The client's address as API Gateway saw it (not a header the client could set). */
    public String sourceIp() {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null || context.getHttp().getSourceIp() == null
                ? "" : context.getHttp().getSourceIp();
    }

    public List<String> cookies() {
        return event.getCookies() == null ? List.of() : event.getCookies();
    }

    /** The author the Lambda authorizer let in; only routes behind the authorizer have one. */
    public Optional<String> authorId() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getLambda() == null) {
            return Optional.empty();
        }
        Object id = context.getAuthorizer().getLambda().get("authorId");
        return id instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /** The author id, on a route the authorizer guards: without one the template is mis-wired. */
    public String requiredAuthorId() {
        return authorId().orElseThrow(() -> new IllegalStateException(
                "no authorizer context on " + routeKey() + ": is its Auth in template.yaml right?"));
    }

    /** The body as bytes, after base64 decoding, refused with 413 past our limit. */
    public byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            if (body.length() > (MAX_BODY_BYTES / 3 + 1) * 4) {
                throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
            }
            byte[] decoded;
            try {
                decoded = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Problems.malformed("The body is not valid base64."));
            }
            return checkSize(decoded);
        }
        if (body.length() > MAX_BODY_BYTES) {
            throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
        }
        return checkSize(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as strict UTF-8 text: bytes that are not UTF-8 are refused, never replaced. */
    public String bodyText() {
        return Utf8.decode(bodyBytes())
                .orElseThrow(() -> new ProblemException(Problems.malformed("The body is not valid UTF-8.")));
    }

    /** The body as a JSON object; anything else is answered 415 or 400 before the domain sees it. */
    public ObjectNode jsonObject() {
        String type = header("content-type").orElse("").toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        boolean json = mediaType.equals("application/json") || mediaType.matches("application/[a-z0-9.+-]+\\+json");
        if (!json || (type.contains("charset=") && !type.matches(".*charset=\"?utf-8\"?.*"))) {
            throw new ProblemException(Problems.unsupportedMediaType());
        }
        String text = bodyText();
        if (text.isBlank()) {
            throw new ProblemException(Problems.malformed("The body is empty; send a JSON object."));
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problems.malformed("The body is not valid JSON: "
                    + e.getOriginalMessage().replaceAll("[\\p{Cntrl}]", " ")));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ProblemException(Problems.malformed("The body must be a JSON object."));
        }
        return object;
    }

    private static byte[] checkSize(byte[] bytes) {
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
        }
        return bytes;
    }
}
