package se.inlagg.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One function's JVM, started in its folder with exactly the given environment, its stdout and stderr
 * (what CloudWatch would get) kept in files. Closing it kills it; a shutdown hook kills any left if
 * the test JVM ends first, and a runtime whose Runtime API goes away exits by itself.
 */
final class LambdaProcess implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final long startedAtNanos;

    private LambdaProcess(Process process, Path stdout, Path stderr, long startedAtNanos) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.startedAtNanos = startedAtNanos;
    }

    static LambdaProcess start(List<String> command, Map<String, String> environment, Path workingDir, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve("stdout.log");
            Path err = logDir.resolve("stderr.log");
            var builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            long at = System.nanoTime();
            Process process = builder.start();
            RUNNING.add(process);
            return new LambdaProcess(process, out, err, at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
    }

    /** System.nanoTime just before the JVM was launched. */
    long startedAtNanos() {
        return startedAtNanos;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** What the function wrote to stdout and stderr so far. */
    String output() {
        return read(stdout) + read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }
}
