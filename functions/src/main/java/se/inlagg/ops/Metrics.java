package se.inlagg.ops;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.inlagg.json.Json;

/**
 * CloudWatch metrics in the Embedded Metric Format: a JSON log line that CloudWatch turns into
 * metrics, with no SDK call and no agent. Lines carry no level, so an application log level of
 * WARN never drops a metric.
 */
public final class Metrics {

    public static final String NAMESPACE = "Inlagg";

    /**
     * Whether requests are also counted per route. Each route and status class is a metric of its
     * own at $0.30 a month, which would cost a small blog more than everything else together; the
     * route stays in every line for Logs Insights either way. The template's RouteMetrics parameter.
     */
    static final boolean BY_ROUTE = Boolean.parseBoolean(System.getenv("INLAGG_ROUTE_METRICS"));

    /** Domain events worth a graph and an alarm. */
    public enum Event {
        POSTS_CREATED("PostsCreated"),
        POSTS_PUBLISHED("PostsPublished"),
        WRITE_CONFLICTS("WriteConflicts"),
        THROTTLES("Throttles");

        final String metric;

        Event(String metric) {
            this.metric = metric;
        }
    }

    private Metrics() {
    }

    /** One request: counted by status class ("2xx" … "5xx"), and by route when asked for, with its latency. */
    public static void request(String route, int status, long millis) {
        Map<String, Object> line = envelope(requestDimensions(BY_ROUTE), List.of(metric("Requests", "Count"), metric("Latency", "Milliseconds")));
        line.put("Route", route.isEmpty() ? "$default" : route);
        line.put("StatusClass", (status / 100) + "xx");
        line.put("Requests", 1);
        line.put("Latency", millis);
        emit(line);
    }

    /**
     * The series a request is counted in: by status class, and with RouteMetrics by route and status class as well, so
     * the graphs and alarms on the status classes alone go on when the routes are added.
     */
    static List<List<String>> requestDimensions(boolean byRoute) {
        return byRoute ? List.of(List.of("StatusClass"), List.of("Route", "StatusClass")) : List.of(List.of("StatusClass"));
    }

    /** One occurrence of a domain event, by function. */
    public static void count(Event event) {
        Map<String, Object> line = envelope(List.of(List.of("Function")), List.of(metric(event.metric, "Count")));
        line.put("Function", Invocation.current().function());
        line.put(event.metric, 1);
        emit(line);
    }

    private static Map<String, Object> envelope(List<List<String>> dimensions, List<Map<String, Object>> metrics) {
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", dimensions);
        directive.put("Metrics", metrics);
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", System.currentTimeMillis());
        aws.put("CloudWatchMetrics", List.of(directive));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", aws);
        String requestId = Invocation.current().requestId();
        if (!requestId.isEmpty()) {
            line.put("requestId", requestId);
        }
        return line;
    }

    private static Map<String, Object> metric(String name, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", name);
        m.put("Unit", unit);
        return m;
    }

    private static void emit(Map<String, Object> line) {
        Invocation.current().sink().log((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8), LogLevel.UNDEFINED);
    }
}
