package se.inlagg.app;

import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import se.inlagg.json.Json;
import se.inlagg.ops.Log;
import se.inlagg.posts.Facet;
import se.inlagg.posts.ListQuery;

/**
 * Warms a function before its SnapStart snapshot with read-only calls through every layer: the
 * SDK's request path and its HTTP connection, the table's item mapping, JSON. Nothing unique is
 * made here (no ids, no tokens, no random generators), so every restored copy starts clean; what
 * cannot survive a snapshot (open connections, credentials of the moment) the SDK makes again on
 * first use after restore.
 */
public final class Priming implements Resource {

    /** CRaC keeps resources only weakly; this keeps ours alive for as long as the class is loaded. */
    private static Priming registered;
    private static Resource searchRegistered;

    private final Wiring wiring;

    /** A priming of this wiring, outside any checkpoint (tests use it to show it writes nothing). */
    public static Priming of(Wiring wiring) {
        return new Priming(wiring);
    }

    private Priming(Wiring wiring) {
        this.wiring = wiring;
    }

    static synchronized void register(Wiring wiring) {
        if (registered == null) {
            registered = new Priming(wiring);
            Core.getGlobalContext().register(registered);
        }
    }

    /**
     * For the search functions only: before the snapshot, one search loads Lucene's classes and this
     * container's copy of the index, so a restored copy fetches just what changed since the deploy.
     * Other functions never call this, so they never load Lucene.
     */
    public static synchronized void registerSearch() {
        if (searchRegistered == null) {
            searchRegistered = new Resource() {
                @Override
                public void beforeCheckpoint(Context<? extends Resource> context) {
                    try {
                        Wiring.shared().search().search("inlägg priming", 1, Optional.empty());
                    } catch (RuntimeException e) {
                        Log.warn("priming_failed", "error", e.getClass().getSimpleName());
                    }
                }

                @Override
                public void afterRestore(Context<? extends Resource> context) {
                    // The copy checks its manifest on the first search after a restore (it is older than a second).
                }
            };
            Core.getGlobalContext().register(searchRegistered);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing held here outlives a restore: the SDK resolves credentials and opens connections
        // on first use, and ids, tokens and random generators are made per request.
    }

    /** A few reads that touch every layer; failures are only logged, as priming must never stop a deploy. */
    public void prime() {
        try {
            wiring.posts().list(ListQuery.newest(1));
            wiring.posts().get("inlagg-priming", Optional.empty());
            wiring.posts().facets(Facet.Kind.CATEGORY);
            wiring.authors().authenticate("Bearer priming-is-not-a-token");
            Json.write(Json.read("{\"priming\": [1, 2.5, true, null, \"å\"]}"));
        } catch (RuntimeException e) {
            Log.warn("priming_failed", "error", e.getClass().getSimpleName());
        }
    }
}
