package se.inlagg.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Deque's axe-core, the accessibility rules engine, pinned and fetched from npm with npm's own client
 * (which checks the package's published integrity), kept in a cache folder that outlives builds (or
 * under target/ where there is none), and run in a page through DevTools. DevTools' evaluation is not
 * the page's script: it runs with JavaScript off and under the pages' policy of no script at all.
 */
final class AxeCore {

    static final String VERSION = "4.14.1";
    /** WCAG 2.1 A and AA, which Swedish public-sector sites must meet, and axe's best practices beside them. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    private AxeCore() {
    }

    /** The script, installed first if it is not yet; empty where npm cannot fetch it (then the checks are skipped). */
    static Optional<String> script() {
        for (Path candidate : List.of(cache().resolve("axe.min.js"), target().resolve("package/axe.min.js"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(read(candidate));
            }
        }
        try {
            Path dir = target();
            Files.createDirectories(dir);
            run(dir, "npm", "pack", "axe-core@" + VERSION, "--pack-destination", dir.toString());
            run(dir, "tar", "-xzf", "axe-core-" + VERSION + ".tgz", "package/axe.min.js");
            Path script = dir.resolve("package/axe.min.js");
            if (!Files.isRegularFile(script) || !read(script).contains("axe v" + VERSION)) {
                return Optional.empty();
            }
            Files.createDirectories(cache());
            Files.copy(script, cache().resolve("axe.min.js"), StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(read(script));
        } catch (IOException | InterruptedException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Every violation axe finds in the page now shown, one line each: the rule, its impact, where. */
    @SuppressWarnings("unchecked")
    static List<String> violations(ChromeDriver browser, String script) {
        String run = script + "\n;axe.run(document, {runOnly: {type: 'tag', values: " + toJs(TAGS) + "}, resultTypes: ['violations']})"
                + ".then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', ')))";
        Map<String, Object> answer = browser.executeCdpCommand("Runtime.evaluate",
                Map.of("expression", run, "awaitPromise", true, "returnByValue", true));
        if (answer.containsKey("exceptionDetails")) {
            throw new IllegalStateException("axe did not run: " + answer.get("exceptionDetails"));
        }
        Object value = ((Map<String, Object>) answer.get("result")).get("value");
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : new ArrayList<>();
    }

    private static String toJs(List<String> values) {
        return "['" + String.join("', '", values) + "']";
    }

    private static Path cache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("inlagg").resolve("axe-core-" + VERSION);
    }

    private static Path target() {
        return Path.of("target", "axe-core-" + VERSION).toAbsolutePath();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
