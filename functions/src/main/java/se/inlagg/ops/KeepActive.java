package se.inlagg.ops;

import java.io.OutputStream;
import java.util.Map;
import se.inlagg.json.Json;

/**
 * The event a weekly schedule sends every function's live alias (template.yaml, KeepActive events).
 * Lambda lets a SnapStart version that has not been invoked for 14 days go Inactive, and then fails
 * its next invocations (SnapStartNotReadyException) until it is Active again: an author's first click
 * on a page that is rarely used (delete, profile), or the search indexer's first batch after a quiet
 * month, would get a 500 or a retry. The answer touches nothing: invoked, the version counts as used.
 */
public final class KeepActive {

    /** The schedule's Input, and what {@link #is} knows it by. */
    public static final Map<String, Object> EVENT = Map.of("inlagg", "keep-active");
    private static final Map<String, Object> ANSWER = Map.of("keptActive", true);

    private KeepActive() {
    }

    public static boolean is(Object event) {
        return event instanceof Map<?, ?> m && EVENT.equals(m);
    }

    /**
     * Answers the schedule when this is its event, with one log line a week, so the logs show the function was kept;
     * whether it was, so the handler reads it no further.
     */
    public static boolean answered(Object event, OutputStream out) {
        if (!is(event)) {
            return false;
        }
        Log.info("kept_active");
        Json.write(ANSWER, out);
        return true;
    }
}
