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
 * {@code Backends}, reads one of the settings that choose the backend or starts a LocalStack itself, or names
 * a test class that reaches it (ServerTest, ServerExtension, S3ForTests, …), followed through every class
 * under local/src/test/java.
 */
@SameOnEveryBackend
class SameOnEveryBackendTest {

    private static final Path SOURCES = Repo.root().resolve("local/src/test/java");
    private static final Pattern MARKED = Pattern.compile("^@SameOnEveryBackend\\b", Pattern.MULTILINE);
    /** What a class reads or starts to reach a backend without naming Backends (SearchBenchmark reads the settings). */
    private static final Pattern CHOOSES_A_BACKEND = Pattern.compile("inlagg\\.backend|inlagg\\.dynamodb\\.endpoint|inlagg\\.s3\\.endpoint|LocalStackContainer");

    @Test
    void noMarkedClassReachesTheBackend() throws IOException {
        Map<String, String> withStrings = testSources(true);
        Map<String, String> sources = testSources(false);
        Set<String> reaching = reachingTheBackend(sources, withStrings);
        Set<String> marked = new TreeSet<>();
        sources.forEach((name, text) -> {
            if (MARKED.matcher(text).find()) {
                marked.add(name);
            }
        });
        assertTrue(marked.contains("CommandLineTest") && marked.contains("TextFuzzTest"), "the marked classes were found: " + marked);
        assertTrue(reaching.containsAll(List.of("ServerTest", "ServerExtension", "S3ForTests", "AuthorPagesTest", "SignedInPagesEndToEndTest", "SearchBenchmark")),
                "the classes that reach the backend were found: " + reaching);
        marked.retainAll(reaching);
        assertEquals(Set.of(), marked, "marked @SameOnEveryBackend but reaching Backends: CI would not run them on LocalStack");
    }

    /** Every test source without its comments (and string literals, unless kept), by its class's simple name (unique here). */
    private static Map<String, String> testSources(boolean keepStrings) throws IOException {
        Map<String, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                String before = sources.put(name, code(Files.readString(file), keepStrings));
                assertEquals(null, before, "two test classes named " + name + ": the check below tells classes by simple name");
            }
        }
        return sources;
    }

    /**
     * The classes that name Backends or choose a backend themselves, and those that name one of them, until nothing
     * more is found.
     */
    private static Set<String> reachingTheBackend(Map<String, String> sources, Map<String, String> withStrings) {
        Set<String> reaching = new HashSet<>(Set.of("Backends"));
        withStrings.forEach((name, text) -> {
            // This class names them too, in its pattern.
            if (!name.equals(SameOnEveryBackendTest.class.getSimpleName()) && CHOOSES_A_BACKEND.matcher(text).find()) {
                reaching.add(name);
            }
        });
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
     * The source with comments blanked out, and string literals (text blocks too) unless kept: a class that only
     * mentions another in words does not reach what it reaches, but one that reads a setting names it in a string.
     */
    static String code(String source, boolean keepStrings) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end;
            boolean literal = true;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                literal = false;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2) + 2;
                literal = false;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3) + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = endOfQuote(source, i);
            } else {
                code.append(source.charAt(i++));
                continue;
            }
            // Stepped over whole either way, so a "//" or "/*" inside a string starts no comment.
            end = end <= i ? source.length() : Math.min(end, source.length());
            code.append(literal && keepStrings ? source.substring(i, end) : " ");
            i = end;
        }
        return code.toString();
    }

    /** Just past the string or character literal that starts at {@code at}. */
    private static int endOfQuote(String source, int at) {
        char quote = source.charAt(at);
        int end = at + 1;
        while (end < source.length() && source.charAt(end) != quote) {
            end += source.charAt(end) == '\\' ? 2 : 1;
        }
        return end + 1;
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
