package se.inlagg.posts;

import java.security.SecureRandom;
import java.time.Duration;

/**
 * Waits between attempts of a write that lost a race, within a time budget. Full jitter (a random
 * wait up to an exponentially growing cap) spreads out writers that collided, so they stop colliding.
 *
 * <p>Every random wait in the functions comes from {@link #jitterBelow} (the SDK's retries of DynamoDB from
 * {@code ops.SnapshotSafeJitter}, which draws as it does; the pictures' S3 client keeps the SDK's own): copies of a function restored
 * from one SnapStart snapshot share the state of every pseudo-random generator made before it
 * ({@code ThreadLocalRandom}'s seeds too, and {@code Math.random}'s), so two copies that collided would
 * wait alike and collide again. {@code SnapshotSafeRandomTest} keeps those generators out.
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

    /** This backoff with at least this long left from now: for an attempt that must learn how something ended. */
    public Backoff orAtLeast(Duration left) {
        long wanted = System.nanoTime() + left.toNanos();
        if (wanted - deadline <= 0) {
            return this;
        }
        Backoff longer = new Backoff(left);
        longer.attempt = attempt;
        return longer;
    }

    /** Waits before the next attempt; false when the budget would run out, and it is time to give up. */
    public boolean pause() {
        long cap = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt++, 10));
        long wait = jitterBelow(cap + 1);
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

    /**
     * A random wait under {@code bound} milliseconds that differs between copies restored from one
     * snapshot: from a SecureRandom made now, which reads the system's entropy (as {@code Ids} does).
     */
    public static long jitterBelow(long bound) {
        return new SecureRandom().nextLong(bound);
    }

    public int attempts() {
        return attempt;
    }
}
