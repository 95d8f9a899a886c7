package se.inlagg.local;

import java.util.Map;
import java.util.UUID;
import se.inlagg.http.HttpRequest;

/** Requests built in a test, for calling a handler in-process with a store we control. */
final class Events {

    private Events() {
    }

    static HttpRequest http(String routeKey, String rawPath, Map<String, String> pathParameters,
                            String jsonBody, String authorId, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.builder()
                .method(routeKey.split(" ")[0])
                .routeKey(routeKey)
                .path(rawPath)
                .requestId("test-" + UUID.randomUUID())
                .authorId(authorId);
        if (jsonBody != null) {
            b.header("content-type", "application/json").body(jsonBody);
        }
        pathParameters.forEach(b::pathParameter);
        headers.forEach(b::header);
        return b.build();
    }
}
