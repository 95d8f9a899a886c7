package se.inlagg.local;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import se.inlagg.emulator.DataFolderInUseException;
import se.inlagg.emulator.s3.EmbeddedS3;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The S3 the local server's pictures and search index live in: the embedded emulator in this JVM
 * on a free loopback port, keeping its objects in {@code DATA_DIR/s3} beside the table, or another
 * endpoint the caller names (LocalStack). Like {@link LocalDynamo}, so that the one-command server
 * needs no Docker. The functions reach it exactly as in AWS but for the endpoint (the SDK's own
 * endpoint setting, path-style addressing).
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
     * @throws DataFolderInUseException when another process holds the folder
     * @throws FolderNotWritable when the folder cannot be written
     */
    static LocalS3 start(Path dataDir) {
        try {
            EmbeddedS3 s3 = EmbeddedS3.start(EmbeddedS3.Options.durable(dataDir));
            return new LocalS3(Optional.of(s3), s3.endpoint());
        } catch (UncheckedIOException e) {
            throw FolderNotWritable.explain(dataDir, e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** A client for this S3. */
    S3Client client() {
        return clientOf(endpoint);
    }

    /** A client for a local S3 endpoint; the SDK will not sign without a key, and local endpoints take path-style requests. */
    static S3Client clientOf(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(LocalDynamo.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The bucket, made unless it is there (a restart, or another server on the same endpoint made it). */
    void ensureBucket(String bucket) {
        try (S3Client s3 = client()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(LocalDynamo.REGION)));
            }
        } catch (BucketAlreadyOwnedByYouException e) {
            // made by another process a moment ago
        }
    }

    /** Stops the embedded S3 (every object is already on disk) and releases its folder. */
    @Override
    public void close() {
        embedded.ifPresent(EmbeddedS3::close);
    }
}
