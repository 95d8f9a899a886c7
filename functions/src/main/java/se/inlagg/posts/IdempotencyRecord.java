package se.inlagg.posts;

import java.time.Instant;
import java.util.Optional;

/**
 * What a remembered create made: enough to answer a retry without creating anything.
 *
 * @param commandSha256 what the create asked for; empty in a record written before records kept it
 */
public record IdempotencyRecord(String requestSha256, Optional<String> commandSha256, String postId, long version, Instant expiresAt) {
}
