package se.inlagg.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function started cold as Lambda starts it (its own Runtime API, its own JVM), answering events
 * one at a time until it is closed. An event's wait ends at the answer, at an init error, when the
 * JVM dies, or at the time limit, whichever comes first.
 */
final class RunningFunction implements AutoCloseable {

    private static final long POLL_MILLIS = 20;

    private final RuntimeApi api;
    private final LambdaProcess process;
    private final Path exchanges;

    private RunningFunction(RuntimeApi api, LambdaProcess process, Path exchanges) {
        this.api = api;
        this.process = process;
        this.exchanges = exchanges;
    }

    /** Starts the function's JVM; workDir keeps its logs. extraJvmOptions are for measuring it. */
    static RunningFunction start(FunctionSpec function, RuntimeLibrary runtime, URI dynamoEndpoint, Path workDir,
                                 List<String> extraJvmOptions) {
        Path exchanges = workDir.resolve("exchanges.log");
        RuntimeApi api;
        try {
            Files.deleteIfExists(exchanges);
            api = RuntimeApi.start(ManagedRuntime.functionArn(function), function.timeout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            var process = LambdaProcess.start(ManagedRuntime.command(function, runtime, extraJvmOptions),
                    ManagedRuntime.environment(function, api.address(), dynamoEndpoint, workDir), function.code(), workDir);
            return new RunningFunction(api, process, exchanges);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    RuntimeAnswer invoke(String event, Duration limit) {
        return invoke(event, UUID.randomUUID().toString(), RuntimeApi.traceHeader(false), limit);
    }

    /** One event with the request id and trace header Lambda would give it (a sampled trace, say). */
    RuntimeAnswer invoke(String event, String requestId, String traceHeader, Duration limit) {
        CompletableFuture<RuntimeAnswer> answer = api.invoke(event, requestId, traceHeader);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not yet: see below why the wait might end anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RuntimeAnswer.TimedOut(limit);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
            if (api.initError().isDone()) {
                return new RuntimeAnswer.Failed(api.initError().join());
            }
            if (!process.isAlive()) {
                // It may have answered just before it exited.
                return answer.getNow(new RuntimeAnswer.Died(process.exitValue()));
            }
            if (System.nanoTime() > deadline) {
                return new RuntimeAnswer.TimedOut(limit);
            }
        }
    }

    /** Keeps each event and what came of it beside the function's logs, for whoever reads a failure. */
    void record(String what, String event, RuntimeAnswer answer) {
        try {
            Files.writeString(exchanges, "=== " + what + "\n" + event + "\n--- " + answer + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When it was restored from its snapshot (see {@link RuntimeApi#restoredAt()}); incomplete for an on-demand start. */
    CompletableFuture<Long> restoredAt() {
        return api.restoredAt();
    }

    LambdaProcess process() {
        return process;
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            api.close();
        }
    }
}
