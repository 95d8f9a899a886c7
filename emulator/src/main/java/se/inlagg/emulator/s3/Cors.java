package se.inlagg.emulator.s3;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CORS as S3 answers it from a bucket's stored rules: OPTIONS preflights, and the
 * Access-Control-* headers on an actual request from an allowed origin.
 */
final class Cors {

    private final Buckets buckets;

    Cors(Buckets buckets) {
        this.buckets = buckets;
    }

    Answer preflight(S3Request request) {
        String origin = request.header("Origin");
        String method = request.header("Access-Control-Request-Method");
        if (origin == null) {
            throw new S3Error(400, "BadRequest", "Insufficient information. Origin request header needed.");
        }
        if (method == null) {
            throw new S3Error(400, "BadRequest", "Invalid Access-Control-Request-Method: null");
        }
        List<String> headers = requestedHeaders(request.header("Access-Control-Request-Headers"));
        CorsRules rules = request.bucket() == null ? null : buckets.reading(() -> buckets.bucket(request.bucket()).cors());
        if (rules == null) {
            throw new S3Error(403, "AccessForbidden", "CORSResponse: CORS is not enabled for this bucket.")
                    .with("Method", method).with("ResourceType", "BUCKET");
        }
        CorsRules.Rule rule = rules.match(origin, method, headers);
        if (rule == null) {
            throw new S3Error(403, "AccessForbidden", "CORSResponse: This CORS request is not allowed. This is usually because the "
                    + "evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not "
                    + "whitelisted by the resource's CORS spec.").with("Method", method).with("ResourceType", "OBJECT");
        }
        Answer answer = Answer.of(200);
        allow(answer, rule, origin);
        answer.header("Access-Control-Allow-Methods", String.join(", ", rule.methods()));
        if (!headers.isEmpty()) {
            answer.header("Access-Control-Allow-Headers", String.join(", ", headers));
        }
        if (rule.maxAge() != null) {
            answer.header("Access-Control-Max-Age", rule.maxAge().toString());
        }
        return answer.lengthOnly(0);
    }

    /** Adds Access-Control-* headers to a non-preflight answer when the bucket has a rule for the request's origin and method. */
    void decorate(S3Request request, Answer answer) {
        String origin = request.header("Origin");
        if (origin == null || request.bucket() == null || "OPTIONS".equals(request.method())) {
            return;
        }
        CorsRules rules = buckets.reading(() -> buckets.exists(request.bucket()) ? buckets.bucket(request.bucket()).cors() : null);
        CorsRules.Rule rule = rules == null ? null : rules.match(origin, request.method(), List.of());
        if (rule != null) {
            allow(answer, rule, origin);
            answer.header("Access-Control-Allow-Methods", String.join(", ", rule.methods()));
        }
    }

    private static void allow(Answer answer, CorsRules.Rule rule, String origin) {
        if (rule.anyOrigin()) {
            answer.header("Access-Control-Allow-Origin", "*");
        } else {
            answer.header("Access-Control-Allow-Origin", origin).header("Access-Control-Allow-Credentials", "true");
        }
        answer.header("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        if (!rule.expose().isEmpty()) {
            answer.header("Access-Control-Expose-Headers", String.join(", ", rule.expose()));
        }
    }

    private static List<String> requestedHeaders(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }
}
