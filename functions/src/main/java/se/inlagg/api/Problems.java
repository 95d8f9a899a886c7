package se.inlagg.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Refusal;

/**
 * Every error answer of the API, in the shape of DESIGN.md. Domain refusals map to statuses
 * here and nowhere else; no handler writes an error body itself.
 */
public final class Problems {

    private Problems() {
    }

    public static ApiResponse of(Refusal refusal) {
        return switch (refusal) {
            case Refusal.Invalid i -> invalid(i.errors());
            case Refusal.NotFound n -> error(404, "not_found", "No such " + n.what() + ".", List.of());
            case Refusal.Unprocessable u -> error(422, u.code(), u.message(),
                    List.of(new FieldError(u.field(), u.message())));
            case Refusal.Stale st -> error(412, "precondition_failed", st.message()
                    + " Read it again (GET) and send its new ETag in If-Match.", List.of());
            case Refusal.Busy b -> busy(b.retryAfter());
        };
    }

    public static ApiResponse invalid(List<FieldError> errors) {
        return error(400, "validation_failed", "The request is not valid: see details.", errors);
    }

    public static ApiResponse invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiResponse malformed(String message) {
        return error(400, "malformed_request", message, List.of());
    }

    public static ApiResponse unsupportedMediaType() {
        return error(415, "unsupported_media_type", "Send the body as application/json in UTF-8.", List.of());
    }

    public static ApiResponse tooLarge(long limit) {
        return error(413, "payload_too_large", "The body is larger than " + limit + " bytes.", List.of());
    }

    public static ApiResponse preconditionRequired() {
        return error(428, "precondition_required",
                "Send If-Match with the post's ETag, so an edit never overwrites a change you have not seen.", List.of());
    }

    public static ApiResponse routeNotFound() {
        return error(404, "not_found", "No such resource.", List.of());
    }

    public static ApiResponse methodNotAllowed(String method) {
        return error(405, "method_not_allowed", "This resource does not accept " + method + ".", List.of());
    }

    public static ApiResponse busy(Duration retryAfter) {
        return error(503, "busy", "Too many changes at once; try again shortly.", List.of())
                .withHeader("retry-after", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    public static ApiResponse internal() {
        return error(500, "internal_error", "Something went wrong on our side; nothing was changed.", List.of());
    }

    static ApiResponse error(int status, String code, String message, List<FieldError> details) {
        ObjectNode error = Json.object();
        error.put("code", code);
        error.put("message", message);
        ArrayNode list = error.putArray("details");
        for (FieldError d : details) {
            list.addObject().put("field", d.field()).put("message", d.message());
        }
        ObjectNode root = Json.object();
        root.set("error", error);
        return ApiResponse.json(status, root).withHeader("cache-control", "no-store");
    }
}
