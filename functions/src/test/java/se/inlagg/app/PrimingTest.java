package se.inlagg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.inlagg.http.TestContext;
import se.inlagg.ops.Invocation;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class PrimingTest {

    @Test
    void onlyAContainerStartedForASnapshotRegistersItsPriming() {
        AtomicInteger primed = new AtomicInteger();
        int before = Priming.REGISTERED.size();

        assertFalse(Priming.whenSnapshotted(primed::incrementAndGet, "on-demand"));
        assertFalse(Priming.whenSnapshotted(primed::incrementAndGet, "provisioned-concurrency"));
        assertFalse(Priming.whenSnapshotted(primed::incrementAndGet, null));
        assertEquals(before, Priming.REGISTERED.size(), "an on-demand start registers nothing");

        assertTrue(Priming.whenSnapshotted(primed::incrementAndGet, "snap-start"));
        assertEquals(before + 1, Priming.REGISTERED.size());
        assertEquals(0, primed.get(), "registering primes nothing; the checkpoint does");
    }

    @Test
    void aStepTheFunctionIsNotGrantedIsNotedAndAnyOtherFailureWarnedOfAndTheNextStepStillRuns() {
        TestContext context = new TestContext();
        AtomicInteger ran = new AtomicInteger();
        try (var scope = Invocation.begin(context, "priming", "")) {
            Priming.attempt(() -> {
                throw DynamoDbException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build()).build();
            });
            Priming.attempt(() -> {
                throw new IllegalStateException("a step that broke");
            });
            Priming.attempt(ran::incrementAndGet);
        }
        assertEquals(1, ran.get());
        List<String> lines = context.logs().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, lines.size(), context.logs());
        assertTrue(lines.get(0).contains("\"level\":\"INFO\"") && lines.get(0).contains("\"priming_step_not_granted\"")
                && lines.get(0).contains("AccessDeniedException"), lines.get(0));
        assertTrue(lines.get(1).contains("\"level\":\"WARN\"") && lines.get(1).contains("\"priming_failed\"")
                && lines.get(1).contains("IllegalStateException"), lines.get(1));
    }
}
