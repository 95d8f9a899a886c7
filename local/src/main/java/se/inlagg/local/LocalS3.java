package se.inlagg.local;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The S3 the local server's search functions use, reached exactly as in AWS but for the endpoint
 * (the SDK's AWS_ENDPOINT_URL_S3, path-style addressing): LocalStack's, or any S3-compatible endpoint
 * given. {@link #embedded} is the seam where the emulator module's EmbeddedS3 comes in once it is
 * merged; until then the local server without an S3 endpoint runs everything but search.
 */
final class LocalS3 {

    private final URI endpoint;

    private LocalS3(URI endpoint) {
        this.endpoint = endpoint;
    }

    static LocalS3 external(URI endpoint) {
        return new LocalS3(endpoint);
    }

    /**
     * An S3 in this JVM keeping its objects in the data directory: the emulator's EmbeddedS3, not on
     * this branch yet (the s3 branch builds it). Empty until then.
     */
    static Optional<LocalS3> embedded(java.nio.file.Path dataDir) {
        return Optional.empty();
    }

    URI endpoint() {
        return endpoint;
    }

    /** A client for this S3; local endpoints check no signature, but the SDK will not sign without a key. */
    S3Client client() {
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

    /** Where the handlers' standard SDK configuration finds this S3: system properties, as for DynamoDB. */
    Map<String, String> sdkProperties() {
        return Map.of("aws.endpointUrlS3", endpoint.toString());
    }
}
