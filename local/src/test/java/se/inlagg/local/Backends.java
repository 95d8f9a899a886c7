package se.inlagg.local;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.TestcontainersConfiguration;
import se.inlagg.emulator.s3.EmbeddedS3;

/**
 * Which DynamoDB the server tests use: the embedded one in-process (the default), LocalStack in
 * Docker (-Dinlagg.backend=localstack, or -Plocalstack), or any endpoint (-Dinlagg.dynamodb.endpoint).
 * LocalStack is one container for the whole test JVM; each test server makes its own table there.
 */
final class Backends {

    /** Pinned, so a new release cannot change the tests. (-Dinlagg.localstack.image tries another.) */
    static final DockerImageName LOCALSTACK = DockerImageName.parse(
            System.getProperty("inlagg.localstack.image", "localstack/localstack:4.14.0"));

    /** Images Testcontainers (2.0.5) itself starts before any container of ours, unless told not to. */
    private static final String RYUK = "testcontainers/ryuk:0.14.0";
    private static final String CHECKS = "alpine:3.17";

    private static LocalStackContainer localstack;
    private static String unusable;
    private static RuntimeException failedToStart;

    private Backends() {
    }

    /** The endpoint to use instead of the embedded DynamoDB, if one is chosen; skips the test where LocalStack cannot run. */
    static synchronized Optional<URI> chosenEndpoint() {
        String endpoint = System.getProperty("inlagg.dynamodb.endpoint", "");
        if (!endpoint.isBlank()) {
            return Optional.of(URI.create(endpoint));
        }
        if (!"localstack".equals(System.getProperty("inlagg.backend", ""))) {
            return Optional.empty();
        }
        return Optional.of(localStack());
    }

    /**
     * Where the server tests keep pictures instead of each server's own embedded S3: LocalStack's S3
     * on that backend.
     */
    static synchronized Optional<URI> chosenS3Endpoint() {
        return "localstack".equals(System.getProperty("inlagg.backend", "")) ? Optional.of(localStack()) : Optional.empty();
    }

    /**
     * The endpoint of this JVM's LocalStack, started on first use. Where Docker cannot run it, the
     * test is skipped with one line on the console saying why (once per JVM), decided in a few
     * seconds; with INLAGG_REQUIRE_DOCKER=1 (CI) it fails instead.
     */
    static synchronized URI localStack() {
        if (localstack == null && unusable == null) {
            long start = System.nanoTime();
            var found = DockerCheck.check(imagesNeeded(), Backends::console);
            if (found.problem().isPresent()) {
                unusable = found.problem().get();
                if (!required()) {
                    console(String.format("LocalStack tests skipped: %s (found in %.2f s; %s, then ./inlagg test -Dinlagg.backend=localstack)",
                            unusable, (System.nanoTime() - start) / 1e9, remedy(found)));
                }
            } else if (failedToStart == null) {
                var container = new LocalStackContainer(LOCALSTACK).withServices("dynamodb", "s3");
                try {
                    container.start();
                } catch (RuntimeException e) {
                    failedToStart = e;
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                localstack = container;
            }
        }
        if (failedToStart != null) {
            throw new IllegalStateException("LocalStack did not start (see the first test that tried)", failedToStart);
        }
        if (unusable != null) {
            if (required()) {
                throw new IllegalStateException("LocalStack is required here (INLAGG_REQUIRE_DOCKER=1) but cannot run: " + unusable);
            }
            Assumptions.abort("LocalStack cannot run here: " + unusable);
        }
        return localstack.getEndpoint();
    }

    private static EmbeddedS3 embeddedS3;

    /**
     * The S3 tests that need one of their own reach (the search index's files, a function's bucket):
     * LocalStack's on that backend, any endpoint given with -Dinlagg.s3.endpoint, else one embedded
     * S3 in this JVM, in memory, started on first use.
     */
    static synchronized URI s3Endpoint() {
        String given = System.getProperty("inlagg.s3.endpoint", "");
        if (!given.isBlank()) {
            return URI.create(given);
        }
        Optional<URI> chosen = chosenS3Endpoint();
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (embeddedS3 == null) {
            embeddedS3 = EmbeddedS3.start(EmbeddedS3.Options.inMemory());
            Runtime.getRuntime().addShutdownHook(new Thread(embeddedS3::close));
        }
        return embeddedS3.endpoint();
    }

    /** The buckets of a data folder's server on a shared S3: its own, the same again after a restart. */
    static String bucketFor(Path dataDir, String purpose) {
        String name = purpose + "-" + dataDir.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return (name.length() <= 63 ? name : name.substring(0, 63)).replaceAll("-+$", "");
    }

    static boolean required() {
        return "1".equals(System.getenv("INLAGG_REQUIRE_DOCKER"));
    }

    /** The images that must be in Docker before Testcontainers starts LocalStack, as Testcontainers will name them. */
    private static List<DockerImageName> imagesNeeded() {
        List<DockerImageName> images = new ArrayList<>();
        images.add(named(LOCALSTACK.asCanonicalNameString()));
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            images.add(named(RYUK));
        }
        if (!TestcontainersConfiguration.getInstance().isDisableChecks()) {
            images.add(named(CHECKS));
        }
        return images;
    }

    /** What to do about it, in a few words. */
    private static String remedy(DockerCheck.Result found) {
        if (found.missing().isEmpty()) {
            return "start Docker";
        }
        DockerImageName image = found.missing().get();
        String pull = "docker pull " + image.asCanonicalNameString();
        if (image.asCanonicalNameString().equals(named(RYUK).asCanonicalNameString())) {
            return pull + " or set TESTCONTAINERS_RYUK_DISABLED=true";
        }
        if (image.asCanonicalNameString().equals(named(CHECKS).asCanonicalNameString())) {
            return pull + " or set TESTCONTAINERS_CHECKS_DISABLE=true";
        }
        return pull;
    }

    /** An image as Testcontainers will ask Docker for it (~/.testcontainers.properties may substitute another). */
    private static DockerImageName named(String image) {
        return ImageNameSubstitutor.instance().apply(DockerImageName.parse(image));
    }

    /**
     * A line on the build's console. Surefire sends the tests' System.out and System.err to report
     * files, but passes what the JVM writes to its own standard error straight through.
     */
    private static void console(String line) {
        @SuppressWarnings("resource") // standard error stays open
        var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        err.println(line);
    }
}
