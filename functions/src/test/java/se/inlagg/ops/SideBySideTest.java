package se.inlagg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.inlagg.http.TestContext;

class SideBySideTest {

    @Test
    void callsRunAtOnceAnswerInTheOrderGivenAndNameTheCallersRequest() {
        // Three calls that each wait for the other two: made one after another, the first would wait in vain.
        CyclicBarrier together = new CyclicBarrier(3);
        List<Callable<String>> calls = IntStream.range(0, 3).<Callable<String>>mapToObj(i -> () -> {
            together.await(10, TimeUnit.SECONDS);
            return i + ":" + Invocation.current().requestId();
        }).toList();
        try (var request = Invocation.begin(new TestContext(), "GET /x", "api-1")) {
            assertEquals(List.of("0:test-request-1", "1:test-request-1", "2:test-request-1"), SideBySide.all(calls, 3));
        }
        assertEquals("", Invocation.current().requestId(), "the caller's thread is left as it was");
    }

    @Test
    void noMoreRunAtOnceThanAskedAndAFailureIsThrownAsItWasThrown() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Callable<Integer>> calls = IntStream.range(0, 12).<Callable<Integer>>mapToObj(i -> () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(5);
            running.decrementAndGet();
            return i;
        }).toList();
        assertEquals(IntStream.range(0, 12).boxed().toList(), SideBySide.all(calls, 4));
        assertTrue(most.get() <= 4, "at most four at once, not " + most.get());

        IllegalArgumentException thrown = new IllegalArgumentException("throttled");
        var failed = assertThrows(IllegalArgumentException.class, () -> SideBySide.all(List.<Callable<Integer>>of(() -> 1, () -> {
            throw thrown;
        }), 2));
        assertSame(thrown, failed);
    }

    @Test
    void closingWaitsForEveryCallStartedAlsoOneWhoseResultNobodyAsked() {
        AtomicBoolean ended = new AtomicBoolean();
        try (var calls = SideBySide.open()) {
            calls.start(() -> {
                Thread.sleep(200);
                ended.set(true);
                return null;
            });
        }
        assertTrue(ended.get(), "the call had ended when the block did");
    }

    @Test
    void afterAFailureNoFurtherCallIsBegun() {
        // Two at once: one call fails while the other is under way; the one under way ends, and the two after it,
        // which that thread would take next, are not made (a file gone means the copy is fetched anew anyway).
        CountDownLatch underWay = new CountDownLatch(1);
        AtomicInteger made = new AtomicInteger();
        List<Callable<Integer>> calls = List.of(() -> {
            underWay.await(10, TimeUnit.SECONDS);
            throw new IllegalStateException("file gone");
        }, () -> {
            underWay.countDown();
            Thread.sleep(100);
            return made.incrementAndGet();
        }, made::incrementAndGet, made::incrementAndGet);
        assertThrows(IllegalStateException.class, () -> SideBySide.all(calls, 2));
        assertEquals(1, made.get(), "only the call under way when the other failed was made");
    }

    /**
     * An Error (a file too large for the memory left) stops the calls as an exception does, and is thrown as it was
     * thrown: no more files are fetched into a function that has run out of memory.
     */
    @Test
    void afterAnErrorNoFurtherCallIsBegunAndTheErrorIsThrownAsItWas() {
        CountDownLatch underWay = new CountDownLatch(1);
        AtomicInteger made = new AtomicInteger();
        OutOfMemoryError full = new OutOfMemoryError("Java heap space");
        List<Callable<Integer>> calls = List.of(() -> {
            underWay.await(10, TimeUnit.SECONDS);
            throw full;
        }, () -> {
            underWay.countDown();
            Thread.sleep(100);
            return made.incrementAndGet();
        }, made::incrementAndGet, made::incrementAndGet);
        assertSame(full, assertThrows(OutOfMemoryError.class, () -> SideBySide.all(calls, 2)));
        assertEquals(1, made.get(), "only the call under way when the other failed was made");
    }
}
