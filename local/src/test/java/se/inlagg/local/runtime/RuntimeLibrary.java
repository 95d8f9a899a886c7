package se.inlagg.local.runtime;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What the managed Java runtime keeps in /var/runtime/lib: AWS's runtime interface client and its own
 * dependencies (the ones its pom declares for run time, and theirs), taken from this test's class path
 * as Maven resolved them, plus its JNI library. That library is unpacked once and named by a system
 * property, as the managed runtime does; otherwise the client unpacks it to one fixed file in /tmp,
 * which JVMs started side by side would overwrite under each other.
 */
final class RuntimeLibrary {

    static final String MAIN_CLASS = AWSLambda.class.getName();
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final Set<String> NOT_AT_RUN_TIME = Set.of("test", "provided", "system");

    private final List<Path> classPath;
    private final Path jni;

    private RuntimeLibrary(List<Path> classPath, Path jni) {
        this.classPath = classPath;
        this.jni = jni;
    }

    /** The client and its dependencies from this test's class path; the JNI library goes into workDir. */
    static RuntimeLibrary fromTestClassPath(Path workDir) {
        List<Path> testClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        Path client = jarOf(AWSLambda.class);
        Set<Path> jars = new LinkedHashSet<>();
        Deque<Path> toRead = new ArrayDeque<>(List.of(client));
        while (!toRead.isEmpty()) {
            Path jar = toRead.pop();
            if (jars.add(jar)) {
                for (String[] dependency : runTimeDependencies(jar)) {
                    toRead.add(testClassPath.stream().filter(p -> isArtifact(p, dependency[0], dependency[1])).findFirst()
                            .orElseThrow(() -> new IllegalStateException("the runtime client needs " + dependency[0] + ":"
                                    + dependency[1] + " (declared by " + jar.getFileName() + "), which is not on the test class path")));
                }
            }
        }
        return new RuntimeLibrary(List.copyOf(jars), unpackJni(client, workDir));
    }

    List<Path> classPath() {
        return classPath;
    }

    Path jni() {
        return jni;
    }

    /** groupId and artifactId of each dependency the jar's own pom declares for run time (none without a pom). */
    private static List<String[]> runTimeDependencies(Path jar) {
        List<String[]> dependencies = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            var pom = file.stream().filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.xml"))
                    .findFirst();
            if (pom.isEmpty()) {
                return dependencies;
            }
            Element project;
            try (InputStream in = file.getInputStream(pom.get())) {
                project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
            }
            for (Element dependency : children(child(project, "dependencies"), "dependency")) {
                if (!NOT_AT_RUN_TIME.contains(text(dependency, "scope")) && !"true".equals(text(dependency, "optional"))) {
                    dependencies.add(new String[] {text(dependency, "groupId"), text(dependency, "artifactId")});
                }
            }
            return dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read the pom in " + jar, e);
        }
    }

    /** A jar of the local Maven repository's shape: …/group/path/artifactId/version/artifactId-version.jar. */
    private static boolean isArtifact(Path jar, String groupId, String artifactId) {
        Path versionDir = jar.getParent();
        Path artifactDir = versionDir == null ? null : versionDir.getParent();
        return artifactDir != null && artifactDir.getFileName().toString().equals(artifactId)
                && artifactDir.getParent() != null && artifactDir.getParent().endsWith(Path.of(groupId.replace('.', '/')));
    }

    private static Path unpackJni(Path client, Path workDir) {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String name = "jni/libaws-lambda-jni." + (arch.equals("aarch64") ? "linux-aarch_64" : "linux-x86_64") + ".so";
        try (JarFile jar = new JarFile(client.toFile()); InputStream in = jar.getInputStream(jar.getEntry(name))) {
            Files.createDirectories(workDir);
            Path target = workDir.resolve("libaws-lambda-jni.so");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
