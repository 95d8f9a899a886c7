package se.inlagg.posts;

import java.time.Instant;
import java.util.Optional;

/**
 * What a remembered create made: enough to answer a retry without creating anything.
 *
 * @param commandSha256 what the create asked for; empty in a record written before records kept it
 * @param sentFrom      the showing of the form that made the post ({@link IdempotentRequest#sentFrom}); empty for the API's
 *                      creates and in a record written before records kept it
 */
public record IdempotencyRecord(String requestSha256, Optional<String> commandSha256, String postId, long version, Instant expiresAt,
                                Optional<String> sentFrom) {
}
