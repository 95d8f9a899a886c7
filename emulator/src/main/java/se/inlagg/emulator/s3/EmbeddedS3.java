package se.inlagg.emulator.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import se.inlagg.emulator.DataFolderInUseException;

/**
 * An embedded S3 on a loopback HTTP port, for the local server and tests: buckets, objects with
 * metadata and tags, listings, copies, conditional writes, CORS and lifecycle configurations, and
 * browser uploads by presigned POST with their policy and signature checked as S3 checks them.
 * Requests are path-style ({@code http://127.0.0.1:port/<bucket>/<key>}, the AWS SDK's
 * {@code forcePathStyle(true)}); their signatures are not checked, a POST policy's signature is.
 *
 * <pre>{@code
 * try (EmbeddedS3 s3 = EmbeddedS3.start(EmbeddedS3.Options.durable(dataDir))) {
 *     S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true) … .build();
 * }
 * }</pre>
 *
 * <p>Durable data lives in {@code dataDir/s3/<bucket>/}; every write is forced to disk and renamed
 * into place before it is answered, so an acknowledged write survives a crash and a crash never
 * leaves half an object. One process at a time may use a data folder ({@link DataFolderInUseException}).
 */
public final class EmbeddedS3 implements AutoCloseable {

    /** The secret of the access key {@code local}, the one credential known when none are given. */
    public static final Map<String, String> DEFAULT_CREDENTIALS = Map.of("local", "local");
    /** The largest object (or browser upload) accepted unless the options say otherwise: 100 MiB. */
    public static final long DEFAULT_MAX_OBJECT_SIZE = 100L * 1024 * 1024;

    /**
     * What the emulator keeps where, and what it accepts.
     *
     * @param dataDir the folder under which {@code s3/} is kept, or null for in-memory
     * @param port the loopback port, or 0 for a free one
     * @param credentials secret access keys by access key id, for checking POST policy signatures
     * @param maxObjectSize the largest body accepted; larger ones are refused (EntityTooLarge) before they are read
     */
    public record Options(Path dataDir, int port, Map<String, String> credentials, long maxObjectSize) {

        public Options {
            credentials = Map.copyOf(credentials);
            if (maxObjectSize <= 0) {
                throw new IllegalArgumentException("maxObjectSize must be positive: " + maxObjectSize);
            }
        }

        public static Options durable(Path dataDir) {
            return new Options(dataDir, 0, DEFAULT_CREDENTIALS, DEFAULT_MAX_OBJECT_SIZE);
        }

        public static Options inMemory() {
            return new Options(null, 0, DEFAULT_CREDENTIALS, DEFAULT_MAX_OBJECT_SIZE);
        }

        public Options withPort(int port) {
            return new Options(dataDir, port, credentials, maxObjectSize);
        }

        public Options withCredentials(Map<String, String> secretsByAccessKey) {
            return new Options(dataDir, port, secretsByAccessKey, maxObjectSize);
        }

        public Options withMaxObjectSize(long bytes) {
            return new Options(dataDir, port, credentials, bytes);
        }
    }

    private final HttpFront front;
    private final Store store;

    private EmbeddedS3(HttpFront front, Store store) {
        this.front = front;
        this.store = store;
    }

    /**
     * Loads the data folder (if any) and starts serving.
     *
     * @throws DataFolderInUseException when another process serves the same data folder
     * @throws UncheckedIOException when the folder cannot be read or the port cannot be bound
     */
    public static EmbeddedS3 start(Options options) {
        return start(options, System::currentTimeMillis);
    }

    static EmbeddedS3 start(Options options, LongSupplier clock) {
        Store store;
        try {
            store = options.dataDir() == null ? new MemoryStore() : FolderStore.open(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded S3: " + e.getMessage(), e);
        }
        try {
            Buckets buckets = new Buckets(store, clock);
            PostObject posts = new PostObject(buckets, new PostSignature(options.credentials()), options.maxObjectSize());
            return new EmbeddedS3(new HttpFront(options.port(), new Router(buckets, options.maxObjectSize(), posts)), store);
        } catch (IOException | RuntimeException e) {
            // The folder lock must not outlive a failed start.
            try {
                store.close();
            } catch (IOException second) {
                e.addSuppressed(second);
            }
            throw e instanceof IOException io ? new UncheckedIOException("Could not start the embedded S3: " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    /** {@code http://127.0.0.1:<port>}, for path-style requests. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + front.port());
    }

    /** Stops serving, then releases the data folder. */
    @Override
    public void close() {
        front.close();
        try {
            store.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
