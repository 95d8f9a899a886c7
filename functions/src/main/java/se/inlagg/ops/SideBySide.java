package se.inlagg.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Calls that wait on the network, made at once on virtual threads of their own, so the request waits about one round
 * trip for all of them, not one after another: a post page's surroundings, a category's name with its posts, the search
 * index's files. A call's failure is thrown in the caller as it was thrown in the call (a throttled read stays a 503,
 * a file gone stays {@code FileGone}).
 */
public final class SideBySide {

    private SideBySide() {
    }

    /** Calls started together; closing waits for every one of them. */
    public static Calls open() {
        return new Calls();
    }

    /**
     * Calls under way, each on a virtual thread of its own that works for the caller's invocation: what it logs names
     * the request, as the caller's lines do (a new thread knows no request).
     */
    public static final class Calls implements AutoCloseable {

        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final Invocation invocation = Invocation.current();

        private Calls() {
        }

        public <T> Future<T> start(Callable<T> call) {
            return threads.submit(() -> {
                try (var working = invocation.enter()) {
                    return call.call();
                }
            });
        }

        @Override
        public void close() {
            threads.close();
        }
    }

    /** Each call's result, in the order given, with at most {@code atOnce} of them running at a time. */
    public static <T> List<T> all(List<? extends Callable<T>> calls, int atOnce) {
        if (calls.size() < 2) {
            List<T> results = new ArrayList<>(calls.size());
            for (Callable<T> call : calls) {
                results.add(call(call));
            }
            return results;
        }
        Semaphore turns = new Semaphore(atOnce);
        try (var threads = open()) {
            List<Future<T>> started = new ArrayList<>(calls.size());
            for (Callable<T> call : calls) {
                started.add(threads.start(() -> {
                    turns.acquire();
                    try {
                        return call.call();
                    } finally {
                        turns.release();
                    }
                }));
            }
            List<T> results = new ArrayList<>(started.size());
            for (Future<T> future : started) {
                results.add(result(future));
            }
            return results;
        }
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
