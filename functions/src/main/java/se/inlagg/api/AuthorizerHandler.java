package se.inlagg.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.app.LazyWiring;
import se.inlagg.app.Priming;
import se.inlagg.app.Wiring;
import se.inlagg.json.Json;
import se.inlagg.ops.Invocation;
import se.inlagg.ops.KeepActive;
import se.inlagg.ops.Log;

/**
 * The HTTP API Lambda authorizer (payload 2.0, simple responses) in front of every /api write: it
 * finds the author by the SHA-256 of the Bearer token and hands the author's id to the handler.
 *
 * <p>A stream handler reading the event as JSON: binding it to aws-lambda-java-events'
 * APIGatewayV2CustomAuthorizerEvent needs joda-time and costs a cold start for one field we read.
 */
public final class AuthorizerHandler implements RequestStreamHandler {

    private final LazyWiring wiring = new LazyWiring();

    public AuthorizerHandler() {
        Priming.whenSnapshotted(() -> Priming.inRounds(Priming.of(app()).steps(false)));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {
        Object read = Json.read(in);
        if (KeepActive.answered(read, out)) {
            return;
        }
        Map<?, ?> event = read instanceof Map<?, ?> m ? m : Map.of();
        String route = event.get("routeKey") instanceof String r ? r : "";
        String apiRequestId = event.get("requestContext") instanceof Map<?, ?> c && c.get("requestId") instanceof String id ? id : "";
        try (Invocation.Scope scope = Invocation.begin(context, route, apiRequestId)) {
            Optional<String> header = event.get("identitySource") instanceof List<?> sources && !sources.isEmpty()
                    ? Optional.ofNullable(sources.getFirst()).map(String::valueOf) : Optional.empty();
            Optional<String> authorId = header.flatMap(h -> app().authors().authenticate(h));
            if (authorId.isEmpty()) {
                Log.info("unauthorized");
            }
            Json.write(authorId.<Map<String, Object>>map(id -> Map.of("isAuthorized", true, "context", Map.of("authorId", id)))
                    .orElseGet(() -> Map.of("isAuthorized", false)), out);
        }
    }

    private Wiring app() {
        return wiring.get();
    }

    /** Runs on other services (a test's table); returns itself. */
    public AuthorizerHandler use(Wiring services) {
        wiring.use(services);
        return this;
    }
}
