package se.inlagg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpFunction;

/**
 * The dependency rules of docs/ARCHITECTURE.md, read from the compiled classes: every class another
 * class names is in its constant pool (as a class, or inside a field or method descriptor or a generic
 * signature), so an import, a fully qualified name or a type that is only passed along all count. A
 * package that reaches one it may not fails the build, naming the classes that do it.
 */
class PackageRulesTest {

    /** What each package of ours may use besides itself; the JDK and libraries are not ruled here. */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("json", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("ops", Set.of("json")),
            Map.entry("posts", Set.of("ops")),
            Map.entry("store", Set.of("posts", "ops")),
            Map.entry("auth", Set.of("posts", "store", "ops")),
            Map.entry("images", Set.of("posts", "config", "ops", "json")),
            Map.entry("search", Set.of("posts", "ops", "json")),
            Map.entry("app", Set.of("store", "posts", "auth", "images", "search", "config", "ops", "json")),
            Map.entry("http", Set.of("app", "posts", "ops", "json")),
            Map.entry("api", Set.of("http", "app", "posts", "auth", "images", "search", "ops", "json")),
            Map.entry("streams", Set.of("app", "search", "images", "posts", "ops", "json")),
            Map.entry("web", Set.of("http", "app", "posts", "auth", "images", "search", "config", "json")));

    private static final Pattern OURS = Pattern.compile("se/inlagg/([a-z]+)/");

    @Test
    void everyPackageUsesOnlyThePackagesItMay() throws Exception {
        Map<String, Set<String>> used = uses(classes());
        List<String> broken = new ArrayList<>();
        used.forEach((from, targets) -> {
            String pkg = packageOf(from);
            Set<String> allowed = MAY_USE.get(pkg);
            if (allowed == null) {
                broken.add(from + " is in the package " + pkg + ", which docs/ARCHITECTURE.md and MAY_USE do not know");
                return;
            }
            targets.stream().filter(t -> !t.equals(pkg) && !allowed.contains(t))
                    .forEach(t -> broken.add(from + " uses se.inlagg." + t + ", which " + pkg + " may not"));
        });
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    @Test
    void theScanSeesWhatAClassUses() throws Exception {
        // So the rule above cannot pass by seeing nothing: the edge's own base class uses these four.
        Set<String> used = uses(classes()).get("se/inlagg/http/HttpFunction");
        assertTrue(used.containsAll(Set.of("app", "ops", "json", "posts")), "HttpFunction uses " + used);
    }

    /** Each class (by its internal name) and the packages of ours its constant pool names. */
    static Map<String, Set<String>> uses(List<Path> classFiles) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : classFiles) {
            try {
                var model = ClassFile.of().parse(file);
                Set<String> targets = new TreeSet<>();
                for (PoolEntry entry : model.constantPool()) {
                    if (entry instanceof Utf8Entry utf8) {
                        Matcher m = OURS.matcher(utf8.stringValue());
                        while (m.find()) {
                            targets.add(m.group(1));
                        }
                    }
                }
                uses.put(model.thisClass().asInternalName(), targets);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uses;
    }

    static String packageOf(String internalName) {
        Matcher m = OURS.matcher(internalName);
        return m.lookingAt() ? m.group(1) : "(none)";
    }

    /** The compiled main classes: where HttpFunction was loaded from, target/classes. */
    static List<Path> classes() throws URISyntaxException, IOException {
        Path root = Path.of(HttpFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve("se/inlagg"))) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".class")).toList();
            assertTrue(found.size() > 50, "too few classes under " + root + ": " + found.size());
            return found;
        }
    }
}
