package se.inlagg.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.inlagg.posts.FieldError;

/** The API's error shape: {"error": {"code", "message", "details": [{"field", "message"}]}}. */
public final class JsonErrors implements ErrorRenderer {

    public static final JsonErrors INSTANCE = new JsonErrors();

    private JsonErrors() {
    }

    @Override
    public HttpResponse render(HttpRequest request, Problem problem) {
        return of(problem);
    }

    /**
     * The most details one answer names, the first found. A request under 1 MiB may hold 150,000 categories that are
     * no categories: one detail each would come to 26 MB, past Lambda's 6 MB answer, so API Gateway would answer 500
     * for the client's own mistake.
     */
    public static final int MAX_DETAILS = 50;

    public static HttpResponse of(Problem problem) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (FieldError d : problem.details().subList(0, Math.min(MAX_DETAILS, problem.details().size()))) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("field", d.field());
            detail.put("message", d.message());
            details.add(detail);
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", problem.code());
        error.put("message", problem.message());
        error.put("details", details);
        HttpResponse response = HttpResponse.json(problem.status(), Map.of("error", error))
                .withHeader("cache-control", Caching.NO_STORE);
        return problem.retryAfter().map(response::withRetryAfter).orElse(response);
    }
}
