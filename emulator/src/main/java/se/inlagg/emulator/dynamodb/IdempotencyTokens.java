package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TransactWriteItems' ClientRequestTokens of the last ten minutes: a repeat of the same request
 * answers as before without applying it again; a different request under the token is refused.
 * Tokens are journaled with their transaction, so a restart does not forget them.
 */
final class IdempotencyTokens {

    static final long WINDOW_MILLIS = 10 * 60 * 1000;

    private record Entry(String fingerprint, long atMillis, ObjectNode answer) {
    }

    private final Map<String, Entry> tokens = new LinkedHashMap<>();

    /** The earlier answer for a repeated request, or null when the token is new (or expired). */
    ObjectNode replay(String token, String fingerprint, long now) {
        expire(now);
        Entry e = tokens.get(token);
        if (e == null) {
            return null;
        }
        if (!e.fingerprint().equals(fingerprint)) {
            throw ServiceError.of("IdempotentParameterMismatchException",
                    "The request uses the same client token as a previous, but non-identical request.");
        }
        return e.answer().deepCopy();
    }

    void remember(String token, String fingerprint, long at, ObjectNode answer) {
        tokens.remove(token);
        tokens.put(token, new Entry(fingerprint, at, answer == null ? JsonNodeFactory.instance.objectNode() : answer));
    }

    ArrayNode json() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        tokens.forEach((t, e) -> a.addObject().put("token", t).put("fingerprint", e.fingerprint()).put("at", e.atMillis()));
        return a;
    }

    void load(JsonNode saved) {
        saved.forEach(t -> remember(t.path("token").asText(), t.path("fingerprint").asText(), t.path("at").asLong(), null));
    }

    private void expire(long now) {
        Iterator<Entry> it = tokens.values().iterator();
        while (it.hasNext() && it.next().atMillis() < now - WINDOW_MILLIS) {
            it.remove();
        }
    }
}
