package se.inlagg.posts;

import java.time.Duration;
import java.util.Optional;

/**
 * A create that may be a retry: the client's Idempotency-Key (as a hash, scoped to its author)
 * and the hash of the request it came with, so a retry gets the first answer and a different
 * request under the same key is refused.
 *
 * @param requestSha256 the request as it was sent (its JSON body in one key order, or the form's fields): what
 *                      every version before {@code commandSha256} compared, and still records, so that a version
 *                      deployed again after a rollback answers the retries of creates this one made
 * @param commandSha256 what it asks for ({@link CreateFingerprint}), once the rules have read it; empty until then
 * @param sentFrom      the showing of the form it was sent from (each time the form is shown, it is shown with another),
 *                      recorded with the post it makes: a form sent again from that very page mends the post, where one
 *                      from any other showing of the form may hold older text; empty for the API
 */
public record IdempotentRequest(String keySha256, String requestSha256, Optional<String> commandSha256, Optional<String> sentFrom) {

    /** How long a key is remembered; a record past it counts as absent. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    /** A request as it came, before the rules have read what it asks for. */
    public IdempotentRequest(String keySha256, String requestSha256) {
        this(keySha256, requestSha256, Optional.empty(), Optional.empty());
    }

    public IdempotentRequest(String keySha256, String requestSha256, Optional<String> commandSha256) {
        this(keySha256, requestSha256, commandSha256, Optional.empty());
    }

    /** The same request, sent from this showing of a form. */
    public IdempotentRequest from(String shown) {
        return new IdempotentRequest(keySha256, requestSha256, commandSha256, Optional.of(shown));
    }

    IdempotentRequest asking(String commandSha256) {
        return new IdempotentRequest(keySha256, requestSha256, Optional.of(commandSha256), sentFrom);
    }

    /**
     * Whether this request repeats the create the record remembers: it asks for the same post, or it was sent alike.
     * A record written before records kept what was asked for (a deploy finds such records for up to {@link #LIFETIME})
     * can tell only the second. Sent alike is asking alike, so the second test takes nothing the first would refuse.
     */
    boolean repeats(IdempotencyRecord record) {
        return record.commandSha256().isPresent() && record.commandSha256().equals(commandSha256)
                || record.requestSha256().equals(requestSha256);
    }
}
