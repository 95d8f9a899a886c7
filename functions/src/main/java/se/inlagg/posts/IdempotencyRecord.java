package se.inlagg.posts;

import java.time.Instant;

/** What a remembered create made: enough to answer a retry without creating anything. */
public record IdempotencyRecord(String requestSha256, String postId, long version, Instant expiresAt) {
}
