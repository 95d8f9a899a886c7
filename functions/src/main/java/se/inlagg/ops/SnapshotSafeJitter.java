package se.inlagg.ops;

import java.security.SecureRandom;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The SDK's wait before a retry (of a throttled call, or one that failed on the network): exponential with half jitter,
 * as the SDK's own, but drawn from a SecureRandom made per wait. The SDK's draws from {@code ThreadLocalRandom}, whose
 * state a SnapStart snapshot holds, so every copy restored from one snapshot waited alike and, throttled together by a
 * burst, retried together and collided again (found by a SnapStart probe). A wait is rare, so its SecureRandom costs
 * nothing a reader sees; as {@code posts.Backoff.jitterBelow}, which the functions' own waits use.
 *
 * @param base the wait before the first retry at most (the SDK's {@code baseDelay}); the second's is twice it, and so on
 * @param max the longest wait
 */
public record SnapshotSafeJitter(Duration base, Duration max) implements BackoffStrategy {

    /** DynamoDB's, as the SDK sets them: 25 ms before a first retry, 500 ms when throttled, doubling to at most 20 s. */
    public static final SnapshotSafeJitter DYNAMODB = new SnapshotSafeJitter(Duration.ofMillis(25), Duration.ofSeconds(20));
    public static final SnapshotSafeJitter DYNAMODB_THROTTLED = new SnapshotSafeJitter(Duration.ofMillis(500), Duration.ofSeconds(20));

    /** Doublings at most, as the SDK caps them, so the shift never overflows. */
    private static final int MOST_DOUBLINGS = 30;

    /**
     * The wait before attempt {@code attempt} (the first, 1, waits for nothing): half of the attempt's cap, and up to as much
     * again at random, the cap being {@code base} doubled for each retry before it, at most {@code max}.
     */
    @Override
    public Duration computeDelay(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        long cap = Math.min(base.toMillis() << (Math.min(attempt, MOST_DOUBLINGS) - 2), max.toMillis());
        return Duration.ofMillis(cap / 2 + new SecureRandom().nextLong(cap / 2 + 1));
    }
}
