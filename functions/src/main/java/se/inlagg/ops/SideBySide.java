package se.inlagg.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls that wait on the network, made at once on threads of their own, so the request waits about one round trip for
 * all of them, not one after another: a post page's surroundings, a category's name with its posts, the search index's
 * files. A call's failure is thrown in the caller as it was thrown in the call (a throttled read stays a 503, a file
 * gone stays {@code FileGone}).
 */
public final class SideBySide {

    /**
     * Platform threads, made as calls first need them and kept for the next request (an idle one ends after a
     * minute). Not virtual threads: a function's first virtual thread loads some fifty classes of the JDK's scheduler
     * and socket poller, all of it in the cold start of a page that makes its calls side by side (the post page's, a
     * category's), and a handful of calls at once gain nothing from them. The pool's own classes are mostly those the
     * SDK's clients load anyway, and only a function that starts a call loads them (a holder class: the search
     * functions mostly fetch one file or none). Daemon threads, so an idle one never keeps a JVM (the local runner's, a
     * test's) from ending.
     */
    private static final class Pool {

        static final ExecutorService THREADS = Executors.newCachedThreadPool(call -> {
            Thread thread = new Thread(call, "side-by-side");
            thread.setDaemon(true);
            return thread;
        });
    }

    private SideBySide() {
    }

    /** Calls started together; closing waits for every one of them. */
    public static Calls open() {
        return new Calls();
    }

    /**
     * Calls under way, each on a thread that works for the caller's invocation while it runs: what it logs names the
     * request, as the caller's lines do (a pooled thread knows no request of its own).
     */
    public static final class Calls implements AutoCloseable {

        private final Invocation invocation = Invocation.current();
        private final List<Future<?>> started = new ArrayList<>();

        private Calls() {
        }

        public <T> Future<T> start(Callable<T> call) {
            Future<T> future = Pool.THREADS.submit(() -> {
                try (var working = invocation.enter()) {
                    return call.call();
                }
            });
            started.add(future);
            return future;
        }

        /**
         * Waits for every call started, those whose result nobody asked for too (one thrown out of the caller's block
         * stops no other): none outlives the request that made it. Interrupted, it cancels those still running.
         */
        @Override
        public void close() {
            for (Future<?> call : started) {
                try {
                    call.get();
                } catch (ExecutionException | CancellationException e) {
                    // Its failure, if any, was the caller's to take from the call's result; here it only had to end.
                } catch (InterruptedException e) {
                    started.forEach(c -> c.cancel(true));
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Each call's result, in the order given, with at most {@code atOnce} of them running at a time: as many threads,
     * each making the next call not yet taken. After a failure no call is begun; it is thrown once those under way end.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> all(List<? extends Callable<T>> calls, int atOnce) {
        if (calls.size() < 2) {
            List<T> results = new ArrayList<>(calls.size());
            for (Callable<T> call : calls) {
                results.add(call(call));
            }
            return results;
        }
        Object[] results = new Object[calls.size()];
        AtomicInteger next = new AtomicInteger();
        try (var threads = open()) {
            List<Future<Void>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(atOnce, calls.size()); w++) {
                workers.add(threads.start(() -> {
                    for (int i = next.getAndIncrement(); i < calls.size(); i = next.getAndIncrement()) {
                        try {
                            results[i] = calls.get(i).call();
                        } catch (Exception | Error e) {
                            next.set(calls.size());
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            workers.forEach(SideBySide::result);
        }
        return (List<T>) Arrays.asList(results);
    }

    /** A call made on another thread: its result, or its failure thrown here as it was thrown there. */
    public static <T> T result(Future<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a call made side by side", e);
        }
    }

    private static <T> T call(Callable<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
