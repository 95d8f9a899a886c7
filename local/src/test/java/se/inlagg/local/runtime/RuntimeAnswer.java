package se.inlagg.local.runtime;

import java.time.Duration;

/** What came of one event sent to a function's runtime. */
sealed interface RuntimeAnswer {

    /** The handler's response as the runtime serialized it, and when (System.nanoTime) it arrived. */
    record Answered(String payload, long atNanos) implements RuntimeAnswer {
    }

    /** The runtime reported an error instead: for this event, or while it initialised the function. */
    record Failed(RuntimeError error) implements RuntimeAnswer {
    }

    /** The JVM ended without answering. */
    record Died(int exitCode) implements RuntimeAnswer {
    }

    record TimedOut(Duration after) implements RuntimeAnswer {
    }
}
