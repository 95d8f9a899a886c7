package se.inlagg.app;

import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import se.inlagg.json.Json;
import se.inlagg.ops.Log;
import se.inlagg.posts.Facet;
import se.inlagg.posts.ListQuery;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Warms a function before its SnapStart snapshot, so the snapshot holds loaded, linked and
 * compiled code for the real paths: read-only calls through every layer (the SDK's request path
 * and its HTTP client, the table's item mapping, JSON), then the function's own requests
 * ({@link #whenSnapshotted}). Nothing unique to a request is made here (no ids, no tokens, no
 * random generators of ours), so every restored copy starts clean; what cannot survive a snapshot
 * (the pooled connection, credentials of the moment) the SDK makes again on first use after restore.
 * One thing is shared by every restored copy of the search indexer: Lucene's generator of segment ids,
 * seeded when its class is first used, which priming's scratch index does. Two copies may then name
 * segments alike; that is harmless here, as every file of the index is stored and fetched under a
 * key of its own with a random UUID (SecureRandom, which AWS names snapshot-resilient) and named only by the
 * manifest that one conditional write makes current (search.IndexUpdater).
 */
public final class Priming {

    /** CRaC keeps resources only weakly; these stay alive for as long as the class is loaded. */
    static final java.util.List<Resource> REGISTERED = new java.util.concurrent.CopyOnWriteArrayList<>();

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
     * (a dynamic proxy spun at start, about 15 ms of its cold start, ColdStartBenchmark).
     */
    public static void whenSnapshotted(Runnable prime) {
        whenSnapshotted(prime, System.getenv(INITIALIZATION_TYPE));
    }

    /** Lambda's name for how this container started: on-demand, provisioned-concurrency or snap-start. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /** Whether a hook was registered, for the given initialization type (tests name it). */
    static boolean whenSnapshotted(Runnable prime, String initializationType) {
        if (!"snap-start".equals(initializationType)) {
            return false;
        }
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                try {
                    long start = System.nanoTime();
                    prime.run();
                    Log.info("primed", "ms", (System.nanoTime() - start) / 1_000_000);
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
        attempt(() -> wiring.posts().list(ListQuery.newest(1)));
        if (postsBySlug) {
            // A BatchGetItem, granted only to the functions that read posts by slug: no refused call in the others.
            attempt(() -> wiring.posts().get("inlagg-priming", Optional.empty()));
        }
        attempt(() -> wiring.posts().facets(Facet.Kind.CATEGORY));
        attempt(() -> wiring.authors().authenticate("Bearer priming-is-not-a-token"));
        attempt(() -> Json.write(Json.read("{\"priming\": [1, 2.5, true, null, \"å\"]}")));
    }

    /**
     * Runs one step of priming; a failure is logged and the next step still runs (priming must never stop a
     * deploy). A step the function is not granted (the shared steps above reach beyond what some functions
     * use) is refused by AWS at every snapshot as designed: noted at INFO, so a WARN means something is wrong.
     */
    public static void attempt(Runnable read) {
        try {
            read.run();
        } catch (RuntimeException e) {
            if (e instanceof AwsServiceException refused && notGranted(refused)) {
                Log.info("priming_step_not_granted", "error", refused.awsErrorDetails().errorCode());
            } else {
                Log.warn("priming_failed", "error", e.getClass().getSimpleName());
            }
        }
    }

    /** DynamoDB's AccessDeniedException, S3's AccessDenied. */
    private static boolean notGranted(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                && e.awsErrorDetails().errorCode().startsWith("AccessDenied");
    }
}
