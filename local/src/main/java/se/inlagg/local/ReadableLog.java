package se.inlagg.local;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The functions' log lines as a developer wants them in a terminal: the same JSON objects Lambda
 * writes to CloudWatch, printed as one readable line each. Metric lines (EMF) are left out.
 */
final class ReadableLog implements LambdaLogger {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("timestamp", "level", "message", "requestId", "apiRequestId",
            "route", "function", "error", "method", "path", "status", "ms");

    /** Where lines go; asked each time, so a test that swaps System.out sees them. */
    private final Supplier<PrintStream> out;

    ReadableLog(Supplier<PrintStream> out) {
        this.out = out;
    }

    @Override
    public void log(String message) {
        print(message);
    }

    @Override
    public void log(byte[] message) {
        print(new String(message, StandardCharsets.UTF_8));
    }

    private void print(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                String readable = readable(line);
                if (!readable.isEmpty()) {
                    out.get().println(readable);
                }
            }
        }
    }

    /** "10:42:38 INFO  GET /api/posts 200 12 ms", or the line as it came when it is not one of ours. */
    static String readable(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (Exception e) {
            return line;
        }
        if (!node.isObject() || node.has("_aws")) {
            return node.has("_aws") ? "" : line;
        }
        StringBuilder b = new StringBuilder(LocalTime.now().format(TIME)).append(' ')
                .append(String.format("%-5s", node.path("level").asText("INFO"))).append(' ');
        if (node.path("message").asText().equals("request")) {
            b.append(node.path("method").asText()).append(' ').append(node.path("path").asText()).append(' ')
                    .append(node.path("status").asText()).append(' ').append(node.path("ms").asText()).append(" ms");
        } else {
            b.append(node.path("message").asText());
            if (node.has("route")) {
                b.append(" (").append(node.path("route").asText()).append(')');
            }
        }
        node.properties().forEach(e -> {
            if (!SHOWN_ELSEWHERE.contains(e.getKey())) {
                b.append(' ').append(e.getKey()).append('=').append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        });
        JsonNode error = node.path("error");
        while (error.isObject()) {
            b.append("\n    ").append(error.path("type").asText()).append(": ").append(error.path("message").asText());
            int shown = 0;
            for (JsonNode frame : error.path("stackTrace")) {
                if (shown++ == 8) {
                    break;
                }
                b.append("\n        at ").append(frame.asText());
            }
            error = error.path("cause");
        }
        return b.toString();
    }
}
