package se.inlagg.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import se.inlagg.config.Settings;
import se.inlagg.json.Json;
import se.inlagg.ops.Log;
import se.inlagg.posts.Facet;
import se.inlagg.posts.ListQuery;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Warms a function before its SnapStart snapshot, so the snapshot holds loaded, linked and
 * compiled code for the real paths: read-only calls through every layer (the SDK's request path
 * and its HTTP client, the table's item mapping, JSON), then the function's own requests
 * ({@link #whenSnapshotted}), in rounds ({@link #inRounds}). Nothing unique to a request is made
 * here (no ids, no tokens, no random generators of ours), so every restored copy starts clean; what cannot survive a snapshot
 * (the pooled connection, credentials of the moment) the SDK makes again on first use after restore.
 * One thing is shared by every restored copy of the search indexer: Lucene's generator of segment ids,
 * seeded when its class is first used, which priming's scratch index does. Two copies may then name
 * segments alike; that is harmless here, as every file of the index has a key of its own with a random UUID
 * (SecureRandom, which AWS names snapshot-resilient) and is named only by the manifest that one conditional
 * write makes current (search.IndexUpdater).
 */
public final class Priming {

    /** CRaC keeps resources only weakly; these stay alive for as long as the class is loaded. */
    static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();

    private final Wiring wiring;

    /** A priming of this wiring, outside any checkpoint (tests use it to show it writes nothing). */
    public static Priming of(Wiring wiring) {
        return new Priming(wiring);
    }

    private Priming(Wiring wiring) {
        this.wiring = wiring;
    }

    /**
     * Runs {@code prime} just before a SnapStart snapshot of this container is taken. Only a
     * container Lambda initialises for a snapshot registers anything: an on-demand start never
     * reaches a checkpoint, and registering would cost it org.crac's lookup of the runtime's CRaC
     * (a dynamic proxy spun at start; docs/PERFORMANCE.md).
     */
    public static void whenSnapshotted(IntSupplier prime) {
        whenSnapshotted(prime, System.getenv(INITIALIZATION_TYPE));
    }

    /** Lambda's name for how this container started: on-demand, provisioned-concurrency or snap-start. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /** Whether a hook was registered, for the given initialization type (tests name it). */
    static boolean whenSnapshotted(IntSupplier prime, String initializationType) {
        if (!"snap-start".equals(initializationType)) {
            return false;
        }
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                // Settings that cannot work (a misspelt SITE_TIME_ZONE, a SITE_URL with a path) fail the snapshot, and
                // with it the deploy, which rolls back: caught with priming's failures, the version would go live
                // answering every request 500. A table that is slow or refuses a read is no such thing.
                Settings.fromEnvironment();
                try {
                    long start = System.nanoTime();
                    int rounds = prime.getAsInt();
                    Log.info("primed", "ms", (System.nanoTime() - start) / 1_000_000, "rounds", rounds);
                } catch (RuntimeException e) {
                    Log.warn("priming_failed", "error", e.getClass().getSimpleName());
                }
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // Nothing held here outlives a restore: the SDK resolves credentials and opens connections
                // on first use, and ids, tokens and random generators are made per request.
            }
        };
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
        return true;
    }

    /**
     * A few reads that touch every layer, each on its own: a function is granted only what its code
     * uses (the post's functions may not read the lists' index), and one refused read must not keep
     * the others out of the snapshot. Failures are only logged, as priming must never stop a deploy.
     * A post by its slug is read only by a function that reads posts so ({@code postsBySlug}).
     */
    public void prime(boolean postsBySlug) {
        steps(postsBySlug).forEach(Priming::attempt);
    }

    /** The reads of {@link #prime}, each a step of its own, for {@link #inRounds}. */
    public List<Runnable> steps(boolean postsBySlug) {
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> wiring.posts().list(ListQuery.newest(1)));
        if (postsBySlug) {
            // A BatchGetItem, granted only to the functions that read posts by slug: no refused call in the others.
            steps.add(() -> wiring.posts().get("inlagg-priming", Optional.empty()));
        }
        steps.add(() -> wiring.posts().facets(Facet.Kind.CATEGORY));
        steps.add(() -> wiring.authors().authenticate("Bearer priming-is-not-a-token"));
        steps.add(Priming::primeJson);
        return steps;
    }

    /** JSON read and written, as every request's event and answer are: the one step a function that reads no table shares. */
    public static void primeJson() {
        Json.write(Json.read("{\"priming\": [1, 2.5, true, null, \"å\"]}"));
    }

    /**
     * How many rounds {@link #inRounds} runs unless {@value #ROUNDS_VARIABLE} says otherwise. A function's
     * own code runs a few times per answer, and C1 (the only compiler the template's JVM settings keep)
     * compiles a method once it has been called some 200 times; until then it is interpreted. One round
     * loads the classes, 250 compile the path (docs/PERFORMANCE.md).
     */
    public static final int ROUNDS = 250;

    /** The environment variable that sets the rounds (1 primes once; tests that start many functions set a few). */
    public static final String ROUNDS_VARIABLE = "PRIMING_ROUNDS";

    /**
     * No more rounds start after this long, whatever {@link #ROUNDS} says: a slow or throttled table must not
     * stretch a snapshot's init (Lambda allows it at least 130 s). In AWS a call to DynamoDB takes a few
     * milliseconds and the post page's round makes about ten, so its 250 rounds take some 10 s; twice that
     * leaves room, and the "primed" line says how many rounds ran.
     */
    static final Duration BUDGET = Duration.ofSeconds(20);

    /**
     * Runs the steps in rounds before the snapshot, so what they run is compiled in it, not only loaded: each
     * step through {@link #attempt}, the first round always, more up to the configured rounds while within
     * {@link #BUDGET}. A step that fails once (refused, or broken) runs no more: it would fail every time,
     * and its log line is written once. Returns the rounds run.
     */
    public static int inRounds(List<Runnable> steps) {
        return inRounds(steps, rounds(System.getenv(ROUNDS_VARIABLE)), BUDGET, System::nanoTime);
    }

    static int inRounds(List<Runnable> steps, int rounds, Duration budget, LongSupplier nanoClock) {
        long deadline = nanoClock.getAsLong() + budget.toNanos();
        List<Runnable> left = new ArrayList<>(steps);
        int ran = 0;
        while (ran < rounds && !left.isEmpty() && (ran == 0 || nanoClock.getAsLong() < deadline)) {
            left.removeIf(step -> !attempt(step));
            ran++;
        }
        return ran;
    }

    /** The rounds the variable names; the default when it is unset or not a number, at least one. */
    static int rounds(String variable) {
        if (variable == null || variable.isBlank()) {
            return ROUNDS;
        }
        try {
            return Math.max(1, Integer.parseInt(variable.strip()));
        } catch (NumberFormatException e) {
            return ROUNDS;
        }
    }

    /**
     * Runs one step of priming; a failure is logged and the next step still runs (priming must never stop a
     * deploy). A step the function is not granted (the shared steps above reach beyond what some functions
     * use) is refused by AWS at every snapshot as designed: noted at INFO, so a WARN means something is wrong.
     * Returns whether it ran without failing.
     */
    public static boolean attempt(Runnable read) {
        try {
            read.run();
            return true;
        } catch (RuntimeException e) {
            if (e instanceof AwsServiceException refused && notGranted(refused)) {
                Log.info("priming_step_not_granted", "error", refused.awsErrorDetails().errorCode());
            } else if (e instanceof SdkException) {
                Log.warn("priming_failed", "error", e.getClass().getSimpleName());
            } else {
                // Ours (a priming request answered 5xx, say): its message names the step and holds no secret.
                Log.warn("priming_failed", "error", e.getClass().getSimpleName(), "detail", String.valueOf(e.getMessage()));
            }
            return false;
        }
    }

    /** DynamoDB's AccessDeniedException, S3's AccessDenied. */
    private static boolean notGranted(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                && e.awsErrorDetails().errorCode().startsWith("AccessDenied");
    }
}
