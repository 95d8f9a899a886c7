package se.inlagg.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An error a runtime posted to the Runtime API ({"errorMessage", "errorType", "stackTrace"}), with the
 * Lambda-Runtime-Function-Error-Type header (Runtime.BadFunctionCode, Runtime.UserException, …) and the
 * phase it came from (init, restore or invocation).
 */
record RuntimeError(String phase, String category, String errorType, String errorMessage, List<String> stackTrace) {

    private static final int STACK_LINES = 5;

    static RuntimeError parse(byte[] body, String category, String phase) {
        try {
            JsonNode error = Json.MAPPER.readTree(body);
            List<String> stack = new ArrayList<>();
            error.path("stackTrace").forEach(line -> stack.add(line.asText()));
            return new RuntimeError(phase, category, error.path("errorType").asText(""),
                    error.path("errorMessage").asText(""), List.copyOf(stack));
        } catch (IOException e) {
            return new RuntimeError(phase, category, "(not JSON)", new String(body, StandardCharsets.UTF_8), List.of());
        }
    }

    /** errorType: errorMessage and the first stack lines, as one reads them in CloudWatch. */
    String describe() {
        StringBuilder text = new StringBuilder(phase + " error (" + category + ") " + errorType + ": " + errorMessage);
        stackTrace.stream().limit(STACK_LINES).forEach(line -> text.append("\n    at ").append(line));
        if (stackTrace.size() > STACK_LINES) {
            text.append("\n    … ").append(stackTrace.size() - STACK_LINES).append(" more");
        }
        return text.toString();
    }
}
