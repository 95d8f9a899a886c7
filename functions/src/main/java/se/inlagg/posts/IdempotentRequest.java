package se.inlagg.posts;

import java.time.Duration;

/**
 * A create that may be a retry: the client's Idempotency-Key (as a hash, scoped to its author)
 * and the hash of the request it came with, so a retry gets the first answer and a different
 * request under the same key is refused.
 */
public record IdempotentRequest(String keySha256, String requestSha256) {

    /** How long a key is remembered; a record past it counts as absent. */
    public static final Duration LIFETIME = Duration.ofHours(24);
}
