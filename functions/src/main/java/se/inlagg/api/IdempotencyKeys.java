package se.inlagg.api;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import se.inlagg.auth.Tokens;
import se.inlagg.posts.IdempotentRequest;

/** Reads the Idempotency-Key header and fingerprints the request it came with. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 100;
    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL =
            Json.MAPPER.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private IdempotencyKeys() {
    }

    /** Empty without the header; a key that is not 1–100 printable ASCII characters is refused. */
    static Optional<IdempotentRequest> read(ApiRequest request, ObjectNode body) {
        Optional<String> key = request.header(HEADER);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String k = key.get();
        if (k.isEmpty() || k.length() > MAX_LENGTH || !k.chars().allMatch(c -> c >= 0x20 && c < 0x7f) || k.isBlank()) {
            throw new ProblemException(Problems.invalid(HEADER, "must be 1–" + MAX_LENGTH + " printable ASCII characters"));
        }
        return Optional.of(new IdempotentRequest(Tokens.sha256(k), Tokens.sha256(canonical(body))));
    }

    /** The same JSON with keys in one order, so spacing and key order do not make a new request. */
    static String canonical(ObjectNode body) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(body, Map.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed body is always writable", e);
        }
    }
}
