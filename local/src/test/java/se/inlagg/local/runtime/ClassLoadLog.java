package se.inlagg.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JVM's class loading, logged with -Xlog:class+load to a file of its own and stamped in the same
 * clock as System.nanoTime (the monotonic clock every JVM on the machine shares), so a measurement can
 * count the classes loaded before a moment it saw from outside.
 */
final class ClassLoadLog {

    private static final Pattern STAMP = Pattern.compile("^\\[(\\d+)ns\\]");

    private final Path file;

    ClassLoadLog(Path file) {
        this.file = file;
    }

    /** The JVM option that writes the log. */
    String jvmOption() {
        return "-Xlog:class+load=info:file=" + file + ":timenanos";
    }

    /** The first class loaded whose name starts so (a package's prefix), if the JVM loaded any. */
    Optional<String> first(String prefix) {
        Pattern loaded = Pattern.compile("^\\[\\d+ns\\] (" + Pattern.quote(prefix) + "\\S*) source:");
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(loaded::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Classes loaded after {@code from} and by {@code to} (System.nanoTime(); the JVM keeps writing, later
     * lines do not count): from a launch, or from a restore, to the first answer.
     */
    int loadedBetween(long from, long to) {
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.map(STAMP::matcher).filter(Matcher::find)
                    .mapToLong(m -> Long.parseLong(m.group(1))).filter(t -> t > from && t <= to).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
