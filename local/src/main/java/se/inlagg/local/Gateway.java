package se.inlagg.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.inlagg.http.Utf8;

/**
 * API Gateway's HTTP API, emulated: it routes by template.yaml, runs the Lambda authorizer where a
 * route has one (answering 401 and 403 exactly as API Gateway does), builds the payload 2.0 event
 * and turns the function's answer into an HTTP response.
 */
final class Gateway {

    static final String API_ID = "local";
    static final String DOMAIN = "localhost";
    /** Lambda's most for a synchronous invocation's answer, the JSON as the function returns it: 6 MB. */
    static final int MAX_ANSWER_BYTES = 6 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Router router;
    private final Map<String, LambdaFunction> functions;
    private final Optional<LambdaFunction> authorizer;

    Gateway(Router router, Map<String, LambdaFunction> functions, Optional<LambdaFunction> authorizer) {
        this.router = router;
        this.functions = functions;
        this.authorizer = authorizer;
    }

    HttpExchangeData.Response handle(HttpExchangeData.Request request) {
        Optional<Router.Match> match = router.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            return message(404, "Not Found");
        }
        Template.Route route = match.get().route();
        ObjectNode event = event(request, route, match.get().pathParameters());
        if (route.authorized() && authorizer.isPresent()) {
            String identity = event.path("headers").path("authorization").asText("");
            if (identity.isBlank()) {
                return message(401, "Unauthorized");
            }
            Optional<JsonNode> context;
            try {
                context = authorize(event, route, identity);
            } catch (RuntimeException e) {
                e.printStackTrace();
                return message(500, "Internal Server Error");
            }
            if (context.isEmpty()) {
                return message(403, "Forbidden");
            }
            ((ObjectNode) event.get("requestContext")).putObject("authorizer").set("lambda", context.get());
        }
        try {
            String answer = functions.get(route.functionId()).invoke(event.toString());
            int bytes = answer.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_ANSWER_BYTES) {
                // Lambda refuses to return it (Function.ResponseSizeTooLarge) and API Gateway answers 500; here it would
                // be past Jackson's longest string, read as no statusCode, and answered 200 with the answer as the body.
                System.err.println("Lambda would refuse this answer of " + route.functionId() + ": "
                        + bytes + " bytes, past its " + MAX_ANSWER_BYTES);
                return message(500, "Internal Server Error");
            }
            return response(answer);
        } catch (RuntimeException e) {
            e.printStackTrace();
            return message(500, "Internal Server Error");
        }
    }

    /** The authorizer's context when it lets the request in; empty when it refuses. */
    private Optional<JsonNode> authorize(ObjectNode event, Template.Route route, String identity) {
        ObjectNode auth = JSON.createObjectNode();
        auth.put("version", "2.0");
        auth.put("type", "REQUEST");
        auth.put("routeArn", "arn:aws:execute-api:local:000000000000:" + API_ID + "/$default/"
                + route.method() + route.path());
        auth.putArray("identitySource").add(identity);
        for (String field : List.of("routeKey", "rawPath", "rawQueryString", "cookies", "headers",
                "queryStringParameters", "requestContext", "pathParameters")) {
            if (event.has(field)) {
                auth.set(field, event.get(field));
            }
        }
        JsonNode answer = readJson(authorizer.orElseThrow().invoke(auth.toString()));
        if (!answer.path("isAuthorized").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(answer.path("context").isObject() ? answer.get("context") : JSON.createObjectNode());
    }

    private static ObjectNode event(HttpExchangeData.Request request, Template.Route route, Map<String, String> pathParameters) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", route.key());
        e.put("rawPath", request.rawPath());
        e.put("rawQueryString", request.rawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (var h : request.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String c : h.getValue().split(";")) {
                    if (!c.isBlank()) {
                        cookies.add(c.strip());
                    }
                }
            } else {
                headers.merge(name, h.getValue(), (a, b) -> a + "," + b);
            }
        }
        if (!cookies.isEmpty()) {
            ArrayNode list = e.putArray("cookies");
            cookies.forEach(list::add);
        }
        ObjectNode h = e.putObject("headers");
        headers.forEach(h::put);
        Map<String, String> query = QueryString.parameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        ObjectNode rc = e.putObject("requestContext");
        Instant now = Instant.now();
        rc.put("accountId", "000000000000");
        rc.put("apiId", API_ID);
        // API Gateway's own name for the domain it answered on; a client's Host header cannot change it.
        rc.put("domainName", DOMAIN);
        rc.put("domainPrefix", DOMAIN);
        ObjectNode http = rc.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        rc.put("requestId", UUID.randomUUID().toString());
        rc.put("routeKey", route.key());
        rc.put("stage", "$default");
        rc.put("time", REQUEST_TIME.format(now));
        rc.put("timeEpoch", now.toEpochMilli());
        if (!pathParameters.isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            pathParameters.forEach(p::put);
        }
        if (request.body().length > 0) {
            Optional<String> text = isJson(headers.get("content-type")) ? Utf8.decode(request.body()) : Optional.empty();
            e.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(request.body())));
            e.put("isBase64Encoded", text.isEmpty());
        } else {
            e.put("isBase64Encoded", false);
        }
        return e;
    }

    private static HttpExchangeData.Response response(String json) {
        JsonNode answer;
        try {
            answer = readJson(json);
        } catch (RuntimeException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            // Payload 2.0: an answer without statusCode is a 200 whose body is the answer itself.
            return new HttpExchangeData.Response(200, List.of(Map.entry("content-type", "application/json")),
                    json.getBytes(StandardCharsets.UTF_8), false);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        answer.path("headers").properties().forEach(h -> headers.add(Map.entry(h.getKey(), h.getValue().asText())));
        answer.path("multiValueHeaders").properties().forEach(h -> h.getValue()
                .forEach(v -> headers.add(Map.entry(h.getKey(), v.asText()))));
        answer.path("cookies").forEach(c -> headers.add(Map.entry("set-cookie", c.asText())));
        String body = answer.path("body").isNull() ? "" : answer.path("body").asText("");
        byte[] bytes = answer.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new HttpExchangeData.Response(answer.get("statusCode").asInt(), headers, bytes, false);
    }

    /** API Gateway's own answers (401, 403, 404, 500) carry {"message": …}, not our error shape. */
    static HttpExchangeData.Response message(int status, String message) {
        ObjectNode body = JSON.createObjectNode().put("message", message);
        return new HttpExchangeData.Response(status, List.of(Map.entry("content-type", "application/json")),
                body.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }


    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("function answered something that is not JSON", e);
        }
    }
}
