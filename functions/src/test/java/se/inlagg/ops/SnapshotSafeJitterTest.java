package se.inlagg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** The waits before retries of a DynamoDB call are the SDK's own, throttled or not, but for where their jitter comes from. */
class SnapshotSafeJitterTest {

    @Test
    void eachWaitIsWithinTheSdksOwnHalfJitterBounds() {
        BackoffStrategy sdk = BackoffStrategy.exponentialDelayHalfJitter(Duration.ofMillis(500), Duration.ofSeconds(20));
        assertEquals(Duration.ZERO, SnapshotSafeJitter.DYNAMODB_THROTTLED.computeDelay(1), "a first attempt waits for nothing");
        assertEquals(sdk.computeDelay(1), SnapshotSafeJitter.DYNAMODB_THROTTLED.computeDelay(1));
        for (int attempt = 2; attempt <= 40; attempt++) {
            long cap = Math.min(500L << Math.min(attempt - 2, 28), 20_000);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                long ours = SnapshotSafeJitter.DYNAMODB_THROTTLED.computeDelay(attempt).toMillis();
                long theirs = sdk.computeDelay(attempt).toMillis();
                assertTrue(ours >= cap / 2 && ours <= cap, "attempt " + attempt + ": " + ours + " ms, outside " + cap / 2 + " to " + cap);
                assertTrue(theirs >= cap / 2 && theirs <= cap, "the SDK's bounds are these: " + theirs);
                seen.add(ours);
            }
            assertTrue(seen.size() > 1, "attempt " + attempt + " waits at random: " + seen);
        }
    }

    /**
     * A retry that was not throttled (a 500, a connection reset) waits as the SDK waits for DynamoDB: its DynamoDbRetryPolicy
     * sets {@code exponentialDelay(25 ms, 20 s)}, full jitter, any wait from nothing to the attempt's cap. Half jitter, as
     * throttled retries have, makes every such wait at least half the cap: some 1.6 s more over a call's 8 retries (found by
     * a review). The SDK's own strategy here, as the client built without ours has it. It waits so.
     */
    @Test
    void anUnthrottledRetryWaitsAsTheSdksDynamoDbRetriesDoFromNothingToTheCap() {
        BackoffStrategy sdk = BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(20));
        for (int attempt = 2; attempt <= 9; attempt++) {
            long cap = Math.min(25L << (attempt - 2), 20_000);
            long oursLeast = Long.MAX_VALUE;
            long theirsLeast = Long.MAX_VALUE;
            for (int i = 0; i < 400; i++) {
                long ours = SnapshotSafeJitter.DYNAMODB.computeDelay(attempt).toMillis();
                assertTrue(ours <= cap, "attempt " + attempt + ": " + ours + " ms, past the cap " + cap);
                oursLeast = Math.min(oursLeast, ours);
                theirsLeast = Math.min(theirsLeast, sdk.computeDelay(attempt).toMillis());
            }
            assertTrue(theirsLeast < cap / 4, "the SDK's waits reach near nothing: " + theirsLeast);
            assertTrue(oursLeast < cap / 4, "attempt " + attempt + ": 400 waits, none below " + oursLeast + " ms of a cap of " + cap
                    + ", where the SDK's DynamoDB retries wait from 0 (least seen " + theirsLeast + " ms)");
        }
    }
}
