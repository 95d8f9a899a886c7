package se.inlagg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

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
}
