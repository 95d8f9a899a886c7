package se.inlagg.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API Lambda authorizer (simple responses) in front of every /api write: it finds the
 * author by the SHA-256 of the Bearer token and hands the author's id to the handler.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> {

    private final Wiring wiring;

    public AuthorizerHandler() {
        this(Wiring.shared());
    }

    public AuthorizerHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Map<String, Object> handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        Optional<String> header = Optional.ofNullable(event.getIdentitySource())
                .filter(list -> !list.isEmpty()).map(List::getFirst);
        Optional<String> authorId = header.flatMap(wiring.authors()::authenticate);
        return authorId.<Map<String, Object>>map(id -> Map.of("isAuthorized", true, "context", Map.of("authorId", id)))
                .orElseGet(() -> Map.of("isAuthorized", false));
    }
}
