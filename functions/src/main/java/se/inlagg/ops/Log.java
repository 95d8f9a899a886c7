package se.inlagg.ops;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.inlagg.json.Json;

/**
 * Structured logs: one JSON object per line, with the request id and the route, written through
 * the Lambda runtime's logger as bytes, so the runtime frames the line as it is (no second JSON
 * wrapping) and still drops lines below the template's application log level. An error carries
 * its stack trace inside the object, so a level filter never separates the two.
 *
 * <p>Callers pass fields they choose; nothing here reads headers, cookies or bodies, so a token
 * or password can only reach a log line if a caller writes it there, and none does.
 */
public final class Log {

    /** The level Lambda's LoggingConfig sets (AWS_LAMBDA_LOG_LEVEL); lines below it are not even built. */
    private static final LogLevel MINIMUM = minimum();
    private static final int MAX_FRAMES = 40;

    private Log() {
    }

    public static void debug(String message, Object... fields) {
        write(LogLevel.DEBUG, message, null, fields);
    }

    public static void info(String message, Object... fields) {
        write(LogLevel.INFO, message, null, fields);
    }

    public static void warn(String message, Object... fields) {
        write(LogLevel.WARN, message, null, fields);
    }

    public static void error(String message, Throwable error, Object... fields) {
        write(LogLevel.ERROR, message, error, fields);
    }

    public static boolean enabled(LogLevel level) {
        return level.ordinal() >= MINIMUM.ordinal();
    }

    /** Fields come as name, value pairs: {@code Log.info("signin_failed", "client", hash)}. */
    private static void write(LogLevel level, String message, Throwable error, Object[] fields) {
        if (!enabled(level)) {
            return;
        }
        Invocation invocation = Invocation.current();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level.name());
        line.put("message", message);
        if (!invocation.requestId().isEmpty()) {
            line.put("requestId", invocation.requestId());
        }
        if (!invocation.apiRequestId().isEmpty()) {
            line.put("apiRequestId", invocation.apiRequestId());
        }
        if (!invocation.route().isEmpty()) {
            line.put("route", invocation.route());
        }
        if (!invocation.function().isEmpty()) {
            line.put("function", invocation.function());
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.put(String.valueOf(fields[i]), loggable(fields[i + 1]));
        }
        if (error != null) {
            line.put("error", describe(error));
        }
        invocation.sink().log((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8), level);
    }

    /** A field as JSON has it; anything else (an Instant, an enum, a URI) as its text, so a log line never throws. */
    private static Object loggable(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                ? value : String.valueOf(value);
    }

    /** The error, its cause chain and the top of each stack, as data rather than a text blob. */
    static Map<String, Object> describe(Throwable error) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("type", error.getClass().getName());
        described.put("message", String.valueOf(error.getMessage()));
        List<String> frames = new ArrayList<>();
        StackTraceElement[] trace = error.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, MAX_FRAMES); i++) {
            frames.add(trace[i].toString());
        }
        described.put("stackTrace", frames);
        if (error.getCause() != null && error.getCause() != error) {
            described.put("cause", describe(error.getCause()));
        }
        return described;
    }

    private static LogLevel minimum() {
        String configured = System.getenv("AWS_LAMBDA_LOG_LEVEL");
        if (configured == null) {
            configured = System.getProperty("AWS_LAMBDA_LOG_LEVEL", "INFO");
        }
        try {
            return LogLevel.valueOf(configured.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return LogLevel.INFO;
        }
    }
}
