package se.inlagg.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.json.Json;
import se.inlagg.posts.IdempotentRequest;
import se.inlagg.posts.Nfc;
import se.inlagg.posts.Sha256;

/** Reads the Idempotency-Key header and fingerprints the request it came with. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 100;

    private IdempotencyKeys() {
    }

    /** Empty without the header; a key that is not 1–100 printable ASCII characters is refused. */
    static Optional<IdempotentRequest> read(HttpRequest request, Map<String, Object> body) {
        Optional<String> key = request.header(HEADER);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String k = key.get();
        if (k.isBlank() || k.length() > MAX_LENGTH || !k.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new ProblemException(Problems.invalid(HEADER, "must be 1–" + MAX_LENGTH + " printable ASCII characters"));
        }
        return Optional.of(new IdempotentRequest(Sha256.hex(k), Sha256.hex(Json.write(canonical(body)))));
    }

    /**
     * The same JSON with keys in one order and its text composed, so spacing, key order and a decomposed "å" do not make a
     * new request: the post is stored composed (PostRules), so a retry that decomposes it (as macOS may paste it) asks
     * for the same post (refused as another request, 422, it would be sent again under a new key and make a second
     * post). Text already composed is left as it is, so its fingerprint is unchanged.
     * What the request asks for decides whether a retry is one (PostService, CreateFingerprint); this hash of how it was
     * sent is still recorded, and still matches, because every earlier version compares it alone: a record one of them
     * wrote before a deploy, or one this version writes before a rollback, answers a retry sent alike.
     */
    @SuppressWarnings("unchecked")
    static Object canonical(Object value) {
        if (value instanceof String text) {
            return Nfc.of(text);
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> sorted.put(k, canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(canonical(v)));
            return out;
        }
        return value;
    }
}
