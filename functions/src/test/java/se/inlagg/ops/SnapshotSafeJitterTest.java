package se.inlagg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** The waits before retries are the SDK's own, but for where their jitter comes from. */
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
}
