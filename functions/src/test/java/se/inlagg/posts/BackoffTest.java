package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** Each pause counts: the count sets how long the next one may be, and a write that gives up logs it. */
    @Test
    void everyPauseIsCountedAndALongerBudgetKeepsTheCount() {
        Backoff backoff = Backoff.within(Duration.ofSeconds(10));
        assertTrue(backoff.pause());
        assertTrue(backoff.pause());
        assertEquals(2, backoff.attempts());
        assertEquals(2, backoff.orAtLeast(Duration.ofSeconds(20)).attempts(), "a write that must learn how it ended");
    }

    @Test
    void aBudgetThatHasRunOutGivesUpAtOnce() {
        assertFalse(Backoff.within(Duration.ZERO).pause());
    }

    /**
     * A thread told to stop (the runtime shutting down) is not kept retrying: each pause would end at once, and the
     * write would spin through its budget. Many times, as the wait is random and may be none.
     */
    @Test
    void anInterruptedPauseGivesUpAndLeavesTheThreadInterrupted() {
        for (int i = 0; i < 100; i++) {
            Thread.currentThread().interrupt();
            assertFalse(Backoff.within(Duration.ofSeconds(10)).pause());
            assertTrue(Thread.interrupted(), "still interrupted, for the caller to see");
        }
    }
}
