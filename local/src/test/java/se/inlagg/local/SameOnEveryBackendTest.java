package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link SameOnEveryBackend} is only on classes that cannot reach the chosen backend: else CI's run on
 * LocalStack would leave out a test that LocalStack could fail. A class reaches it when its source names
 * {@code Backends}, or names a test class that reaches it (ServerTest, ServerExtension, S3ForTests, …),
 * followed through every class under local/src/test/java.
 */
@SameOnEveryBackend
class SameOnEveryBackendTest {

    private static final Path SOURCES = Repo.root().resolve("local/src/test/java");
    private static final Pattern MARKED = Pattern.compile("^@SameOnEveryBackend\\b", Pattern.MULTILINE);

    @Test
    void noMarkedClassReachesTheBackend() throws IOException {
        Map<String, String> sources = testSources();
        Set<String> reaching = reachingTheBackend(sources);
        Set<String> marked = new TreeSet<>();
        sources.forEach((name, text) -> {
            if (MARKED.matcher(text).find()) {
                marked.add(name);
            }
        });
        assertTrue(marked.contains("CommandLineTest") && marked.contains("TextFuzzTest"), "the marked classes were found: " + marked);
        assertTrue(reaching.containsAll(List.of("ServerTest", "ServerExtension", "S3ForTests", "AuthoringPagesEndToEndTest")),
                "the classes that reach the backend were found: " + reaching);
        marked.retainAll(reaching);
        assertEquals(Set.of(), marked, "marked @SameOnEveryBackend but reaching Backends: CI would not run them on LocalStack");
    }

    /** Every test source, without its comments and string literals, by its class's simple name (unique here). */
    private static Map<String, String> testSources() throws IOException {
        Map<String, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                String before = sources.put(name, code(Files.readString(file)));
                assertEquals(null, before, "two test classes named " + name + ": the check below tells classes by simple name");
            }
        }
        return sources;
    }

    /** The classes that name Backends, and those that name one of them, until nothing more is found. */
    private static Set<String> reachingTheBackend(Map<String, String> sources) {
        Set<String> reaching = new HashSet<>(Set.of("Backends"));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var source : sources.entrySet()) {
                if (!reaching.contains(source.getKey()) && namesAny(source.getValue(), reaching)) {
                    reaching.add(source.getKey());
                    grew = true;
                }
            }
        }
        return reaching;
    }

    /**
     * The source with comments and string literals (text blocks too) blanked out: a class that only
     * mentions another in words does not reach what it reaches.
     */
    static String code(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3) + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                end = i + 1;
                while (end < source.length() && source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else {
                code.append(source.charAt(i++));
                continue;
            }
            end = end <= i ? source.length() : Math.min(end, source.length());
            code.append(' ');
            i = end;
        }
        return code.toString();
    }

    private static boolean namesAny(String text, Set<String> classes) {
        for (String name : classes) {
            if (Pattern.compile("\\b" + name + "\\b").matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
