package se.inlagg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import se.inlagg.http.ErrorRenderer;
import se.inlagg.http.HttpFunction;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.JsonErrors;
import se.inlagg.http.TestContext;
import se.inlagg.json.Json;

class LogTest {

    static final String TOKEN = "hemlig-token-4f9c2b";
    static final String COOKIE = "sessionsid-77aa01";

    static String event(String body) {
        return """
                {"version":"2.0","routeKey":"POST /api/posts","rawPath":"/api/posts",
                 "headers":{"authorization":"Bearer %s","cookie":"inlagg_session=%s","content-type":"application/json"},
                 "cookies":["inlagg_session=%s"],
                 "requestContext":{"requestId":"r-42","http":{"method":"POST","sourceIp":"192.0.2.1"}},
                 "body":%s,"isBase64Encoded":false}""".formatted(TOKEN, COOKIE, COOKIE, Json.write(body));
    }

    static List<Map<String, Object>> lines(TestContext context) {
        return context.logs().lines().filter(l -> !l.isBlank()).map(l -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = (Map<String, Object>) Json.read(l);
            return line;
        }).toList();
    }

    static TestContext run(HttpFunction function, String body) {
        TestContext context = new TestContext();
        function.handleRequest(new ByteArrayInputStream(event(body).getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), context);
        return context;
    }

    static HttpFunction function(Function<HttpRequest, HttpResponse> handler) {
        return new HttpFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                return handler.apply(request);
            }

            @Override
            protected ErrorRenderer errors(HttpRequest request) {
                return JsonErrors.INSTANCE;
            }
        };
    }

    @Test
    void everyLineOfARequestIsOneJsonObjectWithItsRequestIdAndRoute() {
        TestContext context = run(function(r -> HttpResponse.json(201, Map.of("ok", true))), "{\"title\":\"Hej\"}");
        List<Map<String, Object>> lines = lines(context);
        assertTrue(lines.size() >= 2, "a request line and a metric line: " + context.logs());
        for (Map<String, Object> line : lines) {
            assertEquals("test-request-1", line.get("requestId"), "Lambda's request id: " + line);
        }
        Map<String, Object> request = lines.stream().filter(l -> "request".equals(l.get("message"))).findFirst().orElseThrow();
        assertEquals("INFO", request.get("level"));
        assertEquals("POST /api/posts", request.get("route"));
        assertEquals("r-42", request.get("apiRequestId"), "API Gateway's, which its access log carries");
        assertEquals(201, request.get("status"));
        Map<String, Object> metric = lines.stream().filter(l -> l.containsKey("_aws")).findFirst().orElseThrow();
        assertEquals("2xx", metric.get("StatusClass"));
        assertEquals("POST /api/posts", metric.get("Route"), "the route is in the line for Logs Insights");
        assertEquals("[[StatusClass]]", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) metric.get("_aws")).get("CloudWatchMetrics")).getFirst())
                .get("Dimensions").toString(), "a metric per status class, not per route, unless RouteMetrics is on");
        assertEquals(1, metric.get("Requests"));
        assertEquals(List.of(List.of("StatusClass"), List.of("Route", "StatusClass")), Metrics.requestDimensions(true),
                "RouteMetrics adds the routes' series: the status classes' graphs and alarms go on");
    }

    @Test
    void anErrorKeepsItsStackTraceInsideItsLineAndNoSecretIsEverLogged() {
        TestContext context = run(function(r -> {
            throw new IllegalStateException("trasigt");
        }), "{\"password\":\"" + TOKEN + "\"}");
        String logs = context.logs();
        assertFalse(logs.contains(TOKEN), logs);
        assertFalse(logs.contains(COOKIE), logs);
        Map<String, Object> error = lines(context).stream().filter(l -> "ERROR".equals(l.get("level"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> described = (Map<String, Object>) error.get("error");
        assertEquals("java.lang.IllegalStateException", described.get("type"));
        assertTrue(((List<?>) described.get("stackTrace")).size() > 1, "the stack trace is inside the JSON object");
        assertEquals("test-request-1", error.get("requestId"));
        assertEquals("r-42", error.get("apiRequestId"));
    }

    /**
     * An error's cause goes into its line under it: "Unable to execute HTTP request" alone tells an operator nothing to act
     * on, the read that timed out beneath it does.
     */
    @Test
    void anErrorsCauseIsInItsLineUnderIt() {
        TestContext context = run(function(r -> {
            throw new IllegalStateException("Unable to execute HTTP request", new SocketTimeoutException("Read timed out"));
        }), "{}");
        Map<String, Object> error = lines(context).stream().filter(l -> "ERROR".equals(l.get("level"))).findFirst().orElseThrow();
        Map<?, ?> cause = (Map<?, ?>) ((Map<?, ?>) error.get("error")).get("cause");
        assertNotNull(cause, "the cause is in the line: " + error);
        assertEquals("java.net.SocketTimeoutException", cause.get("type"));
        assertEquals("Read timed out", cause.get("message"));
    }

    @Test
    void aFieldWithNoJsonFormIsLoggedAsItsTextRatherThanThrowing() {
        TestContext context = run(function(r -> {
            Log.info("scheduled", "at", Instant.parse("2026-12-01T08:00:00Z"), "kind", DayOfWeek.TUESDAY);
            return HttpResponse.json(200, Map.of());
        }), "{}");
        Map<String, Object> line = lines(context).stream().filter(l -> "scheduled".equals(l.get("message"))).findFirst().orElseThrow();
        assertEquals("2026-12-01T08:00:00Z", line.get("at"));
        assertEquals("TUESDAY", line.get("kind"));
    }
}
