package se.inlagg.posts;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between attempts of a write that lost a race, within a time budget. Full jitter (a random
 * wait up to an exponentially growing cap) spreads out writers that collided, so they stop colliding.
 */
public final class Backoff {

    static final Duration BASE = Duration.ofMillis(10);
    static final Duration CAP = Duration.ofMillis(250);

    private final long deadline;
    private int attempt;

    private Backoff(Duration budget) {
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    public static Backoff within(Duration budget) {
        return new Backoff(budget);
    }

    /** Waits before the next attempt; false when the budget would run out, and it is time to give up. */
    public boolean pause() {
        long cap = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt++, 10));
        long wait = ThreadLocalRandom.current().nextLong(cap + 1);
        if (System.nanoTime() + wait * 1_000_000 > deadline) {
            return false;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int attempts() {
        return attempt;
    }
}
