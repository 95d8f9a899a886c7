package se.inlagg.api;

import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Markdown;

/**
 * Warms a function before its SnapStart snapshot: loads and JIT-compiles the SDK's request path,
 * the JSON and Markdown code, with read-only calls only. Nothing unique is made here (no ids, no
 * tokens, no random generators), so every restored copy starts clean.
 */
public final class Priming implements Resource {

    /** CRaC keeps resources only weakly; this keeps ours alive for as long as the class is loaded. */
    private static Priming registered;

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

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: credentials come from the default chain per request, and ids,
        // tokens and random generators are made per request.
    }

    /** A few reads that touch every layer; failures are ignored, as priming must never stop a deploy. */
    public void prime() {
        try {
            wiring.posts().list(new ListQuery(Optional.empty(), Optional.empty(), 1, Optional.empty()));
            wiring.posts().get("inlagg-priming", Optional.empty());
            wiring.posts().tags();
            wiring.authors().authenticate("Bearer priming-is-not-a-token");
            Json.write(Problems.routeNotFound());
            Markdown.toHtml("**Priming** av [länk](https://example.se)\n\n- punkt");
        } catch (RuntimeException e) {
            System.err.println("{\"level\":\"WARN\",\"message\":\"priming failed: " + e.getClass().getSimpleName() + "\"}");
        }
    }
}
