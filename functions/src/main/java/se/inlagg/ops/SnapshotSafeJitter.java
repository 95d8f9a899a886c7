package se.inlagg.ops;

import java.security.SecureRandom;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The SDK's wait before a retry of a DynamoDB call, exponential as the SDK sets it (full jitter from 25 ms; half jitter
 * from 500 ms when throttled), but drawn from a SecureRandom made per wait. The SDK's draws from {@code ThreadLocalRandom},
 * whose state a SnapStart snapshot holds, so every copy restored from one snapshot waited alike and, throttled together
 * by a burst, retried together and collided again (found by a SnapStart probe). A wait is rare, so its SecureRandom costs
 * nothing a reader sees; as {@code posts.Backoff.jitterBelow}, which the functions' own waits use.
 *
 * @param base the cap of the wait before the first retry (the SDK's {@code baseDelay}); the second's is twice it, and so on
 * @param max the longest cap
 * @param half whether a wait is at least half its cap (the SDK's half jitter), or anything from nothing to it (full jitter)
 */
public record SnapshotSafeJitter(Duration base, Duration max, boolean half) implements BackoffStrategy {

    /** DynamoDB's, as the SDK sets them (DynamoDbRetryPolicy): full jitter from 25 ms, doubling to at most 20 s. */
    public static final SnapshotSafeJitter DYNAMODB = new SnapshotSafeJitter(Duration.ofMillis(25), Duration.ofSeconds(20), false);
    /** And when DynamoDB throttled the call: half jitter from 500 ms, doubling to at most 20 s. */
    public static final SnapshotSafeJitter DYNAMODB_THROTTLED = new SnapshotSafeJitter(Duration.ofMillis(500), Duration.ofSeconds(20), true);

    /** Doublings at most, as the SDK caps them, so the shift never overflows. */
    private static final int MOST_DOUBLINGS = 30;

    /**
     * The wait before attempt {@code attempt} (the first, 1, waits for nothing), under a cap of {@code base} doubled for each
     * retry before it, at most {@code max}: from half the cap to the cap, or from nothing to just under it, as the SDK's.
     */
    @Override
    public Duration computeDelay(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        long cap = Math.min(base.toMillis() << (Math.min(attempt, MOST_DOUBLINGS) - 2), max.toMillis());
        SecureRandom random = new SecureRandom();
        return Duration.ofMillis(half ? cap / 2 + random.nextLong(cap / 2 + 1) : cap < 1 ? 0 : random.nextLong(cap));
    }
}
