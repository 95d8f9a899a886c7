package se.inlagg.search;

import java.util.Collection;
import java.util.Optional;
import se.inlagg.ops.Log;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The index in an S3 bucket, under {@code search/}: files under keys that are never reused, and
 * {@code search/manifest.json}, replaced only by a conditional PUT (If-Match on the version read,
 * If-None-Match: * for the first), so of two indexers racing exactly one wins and the other learns
 * it (412) and tries again on top of the winner's commit.
 */
public final class S3IndexFiles implements IndexFiles {

    static final String PREFIX = "search/";
    static final String MANIFEST = PREFIX + "manifest.json";

    private final BucketObjects objects;

    /** Reads and writes through this client (tests and tools that record or redirect its calls). */
    public S3IndexFiles(S3Client s3, String bucket) {
        this(new ClientBucketObjects(s3, bucket));
    }

    S3IndexFiles(BucketObjects objects) {
        this.objects = objects;
    }

    /**
     * The functions' own, configured the standard way: signed requests without an S3 client
     * ({@link SignedBucketObjects} says why), for the readers and the indexer alike.
     */
    public static S3IndexFiles standard(String bucket) {
        return new S3IndexFiles(SignedBucketObjects.standard(bucket));
    }

    /** The endpoint the SDK's standard settings give S3, if any: AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL. */
    static Optional<String> endpointOverride() {
        return setting("AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3").or(() -> setting("AWS_ENDPOINT_URL", "aws.endpointUrl"));
    }

    private static Optional<String> setting(String environment, String property) {
        return Optional.ofNullable(System.getenv(environment)).or(() -> Optional.ofNullable(System.getProperty(property)))
                .filter(v -> !v.isBlank());
    }

    @Override
    public ManifestRead readManifest(Optional<String> unlessTag) {
        BucketObjects.Answer answer = objects.get(MANIFEST, unlessTag);
        return switch (answer.status()) {
            case BucketObjects.Answer.NOT_MODIFIED -> new Unchanged();
            case BucketObjects.Answer.NOT_FOUND -> new Missing();
            default -> new Found(answer.body(), answer.etag());
        };
    }

    @Override
    public byte[] read(String key) {
        BucketObjects.Answer answer = objects.get(PREFIX + key, Optional.empty());
        if (answer.status() == BucketObjects.Answer.NOT_FOUND) {
            throw new FileGone(key);
        }
        return answer.body();
    }

    @Override
    public void write(String key, byte[] bytes) {
        objects.put(PREFIX + key, bytes, "application/octet-stream", BucketObjects.Condition.ANY);
    }

    @Override
    public Optional<String> swapManifest(byte[] manifest, Optional<String> expectedTag) {
        return objects.put(MANIFEST, manifest, "application/json",
                expectedTag.map(BucketObjects.Condition::matching).orElse(BucketObjects.Condition.ABSENT));
    }

    /**
     * One DELETE a key: S3 charges nothing for those, where a batch DeleteObjects is a billed request
     * and needs an XML body with its own checksum. A commit leaves an object or none behind, a rebuild
     * the old index's. At the first failure the rest are left: they are only garbage, and a struggling
     * S3 should not hold up the stream batch for a timeout a key.
     */
    @Override
    public void delete(Collection<String> keys) {
        int done = 0;
        for (String key : keys) {
            try {
                objects.delete(PREFIX + key);
                done++;
            } catch (RuntimeException e) {
                Log.warn("search_files_not_deleted", "count", keys.size() - done, "error", e.getClass().getSimpleName(),
                        "code", e instanceof AwsServiceException a && a.awsErrorDetails() != null
                                ? a.awsErrorDetails().errorCode() : "");
                return;
            }
        }
    }
}
