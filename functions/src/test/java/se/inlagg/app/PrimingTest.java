package se.inlagg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import se.inlagg.config.Settings;
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
    void settingsThatCannotWorkFailTheSnapshotAndSoTheDeployWhereAFailedReadOnlyWarns() throws Exception {
        AtomicInteger primed = new AtomicInteger();
        Priming.whenSnapshotted(primed::incrementAndGet, "snap-start");
        var hook = Priming.REGISTERED.getLast();
        String before = System.getProperty(Settings.SITE_TIME_ZONE);
        String table = System.getProperty(Settings.TABLE_NAME);
        System.setProperty(Settings.TABLE_NAME, "PostsTable");
        System.setProperty(Settings.SITE_TIME_ZONE, "Europe/Stokholm");
        try {
            var refused = assertThrows(IllegalStateException.class, () -> hook.beforeCheckpoint(null));
            assertTrue(refused.getMessage().contains("Europe/Stokholm"), refused.getMessage());
            assertEquals(0, primed.get(), "nothing primed for a version that cannot go live");
        } finally {
            restore(Settings.SITE_TIME_ZONE, before);
        }
        try {
            hook.beforeCheckpoint(null);
            assertEquals(1, primed.get(), "with settings that work, it primes");
        } finally {
            restore(Settings.TABLE_NAME, table);
        }
    }

    private static void restore(String property, String before) {
        if (before == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, before);
        }
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

    @Test
    void stepsRunInRoundsAndAStepThatFailsRunsNoMoreAndIsLoggedOnce() {
        TestContext context = new TestContext();
        AtomicInteger read = new AtomicInteger();
        AtomicInteger broken = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        int rounds;
        try (var scope = Invocation.begin(context, "priming", "")) {
            rounds = Priming.inRounds(List.of(read::incrementAndGet, () -> {
                broken.incrementAndGet();
                throw new IllegalStateException("a step that broke");
            }, () -> {
                refused.incrementAndGet();
                throw DynamoDbException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build()).build();
            }), 5, Duration.ofSeconds(10), System::nanoTime);
        }
        assertEquals(5, rounds);
        assertEquals(5, read.get(), "a step that works runs every round");
        assertEquals(1, broken.get(), "a broken step runs once");
        assertEquals(1, refused.get(), "a refused step runs once");
        List<String> lines = context.logs().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, lines.size(), "one line for each step that failed, not one a round: " + context.logs());
    }

    @Test
    void noRoundStartsAfterTheBudgetButTheFirstAlwaysRuns() {
        AtomicLong now = new AtomicLong();
        AtomicInteger ran = new AtomicInteger();
        // Each run of the step takes 4 s of the clock's time: rounds start at 0, 4 and 8 s of a 10 s budget.
        Runnable slow = () -> {
            ran.incrementAndGet();
            now.addAndGet(Duration.ofSeconds(4).toNanos());
        };
        assertEquals(3, Priming.inRounds(List.of(slow), 250, Duration.ofSeconds(10), now::get));
        assertEquals(3, ran.get());

        ran.set(0);
        assertEquals(1, Priming.inRounds(List.of(slow), 250, Duration.ZERO, now::get), "a budget spent still primes once");
        assertEquals(1, ran.get());
    }

    @Test
    void allStepsFailingEndsTheRounds() {
        AtomicInteger ran = new AtomicInteger();
        try (var scope = Invocation.begin(new TestContext(), "priming", "")) {
            assertEquals(1, Priming.inRounds(List.of(() -> {
                ran.incrementAndGet();
                throw new IllegalStateException("broken");
            }), 250, Duration.ofSeconds(10), System::nanoTime));
        }
        assertEquals(1, ran.get());
    }

    @Test
    void theRoundsComeFromTheEnvironmentOrTheDefault() {
        assertEquals(Priming.ROUNDS, Priming.rounds(null));
        assertEquals(Priming.ROUNDS, Priming.rounds(" "));
        assertEquals(Priming.ROUNDS, Priming.rounds("many"));
        assertEquals(3, Priming.rounds(" 3 "));
        assertEquals(1, Priming.rounds("1"));
        assertEquals(1, Priming.rounds("0"), "priming runs at least once");
        assertEquals(1, Priming.rounds("-5"));
    }
}
