package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Copies restored from one SnapStart snapshot wait apart before retrying a throttled call. The SDK draws its retries'
 * jitter from {@code ThreadLocalRandom}, whose state lives in the handler's thread and in one static seeder, both in the
 * snapshot: every copy drew the same waits, so copies a burst restored together and DynamoDB throttled together retried
 * together, 8 times, and collided again (found by a SnapStart probe). The table's client draws them as Inlägg's own
 * retries do (ops.SnapshotSafeJitter, posts.Backoff). The restore is simulated as the snapshot makes it: the thread's
 * generator state put back as it was when the snapshot was taken, once per restored copy.
 */
class RetryJitterAfterRestoreTest {

    private final DynamoDbClient client = Table.configured(DynamoDbClient.builder())
            .region(Region.EU_NORTH_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();

    @Test
    void twoCopiesRestoredFromOneSnapshotWaitApartBeforeRetryingAThrottledCall() throws Exception {
        RetryStrategy retries = client.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow();
        assertEquals(9, retries.maxAttempts(), "as many attempts as the SDK makes of a DynamoDB call by default");
        // Priming ran on this thread: its generator is seeded before the snapshot (and, were it not, the static seeder is).
        ThreadLocalRandom.current().nextInt();
        ThreadRandomState snapshot = ThreadRandomState.of(Thread.currentThread());

        List<Duration> firstCopy = waitsWhenThrottled(retries);
        snapshot.restoreInto(Thread.currentThread());
        List<Duration> secondCopy = waitsWhenThrottled(retries);

        assertEquals(firstCopy.size(), secondCopy.size());
        assertNotEquals(firstCopy, secondCopy, "two copies restored from one snapshot wait exactly alike between retries of a "
                + "throttled call, so they retry together and collide again: " + firstCopy);
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** The waits before each retry of a call DynamoDB throttles every time, as the client's retry strategy gives them. */
    private static List<Duration> waitsWhenThrottled(RetryStrategy retries) {
        var throttled = ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build();
        RetryToken token = retries.acquireInitialToken(AcquireInitialTokenRequest.create("PostsTable")).token();
        List<Duration> waits = new ArrayList<>();
        for (int retry = 0; retry < 5; retry++) {
            RefreshRetryTokenResponse next = retries.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(throttled).build());
            waits.add(next.delay());
            token = next.token();
        }
        return waits;
    }

    /**
     * What a snapshot holds of a thread's ThreadLocalRandom: its seed and probes (java.lang.Thread's fields, read and
     * written as ThreadLocalRandom itself does, through Unsafe).
     */
    @SuppressWarnings({"removal", "deprecation"})
    private record ThreadRandomState(long seed, int probe, int secondary) {

        private static final sun.misc.Unsafe U = unsafe();

        static ThreadRandomState of(Thread t) throws NoSuchFieldException {
            return new ThreadRandomState(U.getLong(t, offset("threadLocalRandomSeed")), U.getInt(t, offset("threadLocalRandomProbe")),
                    U.getInt(t, offset("threadLocalRandomSecondarySeed")));
        }

        void restoreInto(Thread t) throws NoSuchFieldException {
            U.putLong(t, offset("threadLocalRandomSeed"), seed);
            U.putInt(t, offset("threadLocalRandomProbe"), probe);
            U.putInt(t, offset("threadLocalRandomSecondarySeed"), secondary);
        }

        private static long offset(String field) throws NoSuchFieldException {
            return U.objectFieldOffset(Thread.class.getDeclaredField(field));
        }

        private static sun.misc.Unsafe unsafe() {
            try {
                Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                return (sun.misc.Unsafe) f.get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
