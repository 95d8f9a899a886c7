package se.inlagg.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One cold start of one function, measured from outside as Lambda sees it: from the JVM's launch (or,
 * for a function started for SnapStart, from its restore) to the first answer posted, the classes loaded
 * in that time, the heap in use just after (as it stands, then after a full collection: what is live),
 * and the median of the next warm answers to the same event, with how many of them a user would find
 * wrong (a write repeated may meet what its first answer did: a picture's upload used up, say).
 */
final class ColdStart {

    static final int WARM_INVOCATIONS = 20;

    /**
     * Answers given, untimed, between the first and the timed warm ones ({@code -Dbenchmark.warmup=}, 0 unless
     * set): 0 times a function's first warm answers, mostly interpreted; a few hundred, those of a busy
     * function whose path C1 has compiled.
     */
    static final int WARMUP_INVOCATIONS = Integer.getInteger("benchmark.warmup", 0);
    private static final Duration LIMIT = Duration.ofSeconds(60);
    static final List<String> EXTRA_JVM_OPTIONS = System.getProperty("benchmark.jvmOptions", "").isBlank() ? List.of()
            : List.of(System.getProperty("benchmark.jvmOptions").trim().split("\\s+"));

    /** One start's figures. */
    record Sample(double coldMs, double warmMedianMs, int classesLoaded, long heapUsedBytes, long heapLiveBytes, Warm warm,
                  int warmAnswersWrong) {
    }

    /** What the warm answers asked of DynamoDB, each: requests and bytes of answers (NaN where nothing counts them). */
    record Warm(double callsEach, double answerKbEach) {
        static final Warm UNCOUNTED = new Warm(Double.NaN, Double.NaN);
    }

    private ColdStart() {
    }

    /**
     * Measures one cold start; {@code check} reads the first answer and names what a user would find
     * wrong with it (a 404 for a post the table holds, say), which fails the measurement: figures of a
     * function answering the wrong thing measure the wrong path.
     */
    static Sample measure(FunctionSpec function, String event, RuntimeLibrary runtime, URI dynamoEndpoint, Path workDir,
                          Function<String, List<String>> check) {
        return measure(function, event, runtime, dynamoEndpoint, workDir, check, null);
    }

    /** The same, with the warm answers' DynamoDB traffic counted by the replaying endpoint they are sent to. */
    static Sample measure(FunctionSpec function, String event, RuntimeLibrary runtime, URI dynamoEndpoint, Path workDir,
                          Function<String, List<String>> check, ReplayingDynamo counted) {
        var classes = new ClassLoadLog(workDir.resolve("class-load.log"));
        try {
            Files.deleteIfExists(workDir.resolve("class-load.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(List.of(classes.jvmOption()));
        // JVM options after the template's JAVA_TOOL_OPTIONS, which they override (-Dbenchmark.jvmOptions=, none unless
        // set): to weigh a setting against the template's, the floor given it too, as
        // "-XX:TieredStopAtLevel=4" weighs C2 against the template's C1 alone.
        options.addAll(EXTRA_JVM_OPTIONS);
        if (Boolean.getBoolean("benchmark.jfr")) {
            // Where a warm answer's time goes: JFR's sampler every millisecond, stacks deep enough for the SDK's.
            options.addAll(List.of("-XX:FlightRecorderOptions=stackdepth=512", "-XX:StartFlightRecording=filename="
                    + workDir.resolve("recording.jfr") + ",settings=profile,jdk.ExecutionSample#period=1ms"));
        }
        try (var running = RunningFunction.start(function, runtime, dynamoEndpoint, workDir, options)) {
            RuntimeAnswer answer = running.invoke(event, LIMIT);
            long first = answeredAt(function, answer);
            List<String> problems = check.apply(((RuntimeAnswer.Answered) answer).payload());
            if (!problems.isEmpty()) {
                throw new IllegalStateException(function.id() + " answered its event wrongly: " + problems);
            }
            // On demand, from the JVM's launch; with SnapStart, from the restore (the checkpoint hooks, priming
            // included, ran before it, in the init Lambda does once per version, not in any reader's wait).
            long from = function.snapStart() ? restoredAt(function, running) : running.process().startedAtNanos();
            double coldMs = (first - from) / 1e6;
            // The moments that bound the cold start, in the class-load log's clock: where its time went is read from there.
            write(workDir.resolve("cold-start.nanos"), from + " " + first + "\n");
            long heap = HeapUsage.usedBytes(running.process().pid());
            long live = HeapUsage.liveBytes(running.process().pid());
            for (int i = 0; i < WARMUP_INVOCATIONS; i++) {
                answeredAt(function, running.invoke(event, LIMIT));
            }
            long[] warm = new long[WARM_INVOCATIONS];
            ReplayingDynamo.Traffic before = counted == null ? null : counted.traffic();
            int wrong = 0;
            for (int i = 0; i < warm.length; i++) {
                long sent = System.nanoTime();
                RuntimeAnswer warmAnswer = running.invoke(event, LIMIT);
                warm[i] = answeredAt(function, warmAnswer) - sent;
                if (!check.apply(((RuntimeAnswer.Answered) warmAnswer).payload()).isEmpty()) {
                    wrong++;
                }
            }
            Warm traffic = Warm.UNCOUNTED;
            if (counted != null) {
                ReplayingDynamo.Traffic spent = counted.traffic().since(before);
                traffic = new Warm((double) spent.requests() / warm.length, spent.bytes() / 1024.0 / warm.length);
            }
            Arrays.sort(warm);
            return new Sample(coldMs, warm[warm.length / 2] / 1e6, classes.loadedBetween(from, first),
                    heap, live, traffic, wrong);
        }
    }

    private static long restoredAt(FunctionSpec function, RunningFunction running) {
        Long at = running.restoredAt().getNow(null);
        if (at == null) {
            throw new IllegalStateException(function.id() + " answered without asking to be restored: it was not started for SnapStart");
        }
        return at;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long answeredAt(FunctionSpec function, RuntimeAnswer answer) {
        if (answer instanceof RuntimeAnswer.Answered a) {
            return a.atNanos();
        }
        throw new IllegalStateException(function.id() + " did not answer: " + answer);
    }
}
