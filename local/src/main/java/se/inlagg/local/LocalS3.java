package se.inlagg.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import se.inlagg.emulator.s3.EmbeddedS3;

/**
 * The S3 the local server's pictures live in: the embedded emulator in this JVM on a free loopback
 * port, keeping its objects in {@code DATA_DIR/s3} beside the table, or another endpoint the caller
 * names (LocalStack). Like {@link LocalDynamo}, so that the one-command server needs no Docker.
 */
final class LocalS3 implements AutoCloseable {

    private final Optional<EmbeddedS3> embedded;
    private final URI endpoint;

    private LocalS3(Optional<EmbeddedS3> embedded, URI endpoint) {
        this.embedded = embedded;
        this.endpoint = endpoint;
    }

    static LocalS3 external(URI endpoint) {
        return new LocalS3(Optional.empty(), endpoint);
    }

    /**
     * The embedded S3 on this data folder. It checks browser uploads' POST policies with the same
     * {@code local} key the functions sign with ({@link LocalDynamo#sdkProperties()}).
     *
     * @throws se.inlagg.emulator.DataFolderInUseException when another process holds the folder
     */
    static LocalS3 start(Path dataDir) {
        EmbeddedS3 s3 = EmbeddedS3.start(EmbeddedS3.Options.durable(dataDir));
        return new LocalS3(Optional.of(s3), s3.endpoint());
    }

    URI endpoint() {
        return endpoint;
    }

    /** Stops the embedded S3 (every object is already on disk) and releases its folder. */
    @Override
    public void close() {
        embedded.ifPresent(EmbeddedS3::close);
    }
}
