package se.inlagg.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import se.inlagg.ops.Log;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.utils.Lazy;

/**
 * The index in an S3 bucket, under {@code search/}: files under keys that are never reused, and
 * {@code search/manifest.json}, replaced only by a conditional PutObject (If-Match on the version
 * read, If-None-Match: * for the first), so of two indexers racing exactly one wins and the other
 * learns it (412) and tries again on top of the winner's commit.
 */
public final class S3IndexFiles implements IndexFiles {

    static final String PREFIX = "search/";
    static final String MANIFEST = PREFIX + "manifest.json";
    /** DeleteObjects takes at most this many keys a call. */
    private static final int DELETE_BATCH = 1000;

    private final ObjectGet reads;
    private final Supplier<S3Client> writes;
    private final String bucket;

    /** Reads and writes through this client (tests and tools that record or redirect its calls). */
    public S3IndexFiles(S3Client s3, String bucket) {
        this(new ClientObjectGet(s3, bucket), () -> s3, bucket);
    }

    private S3IndexFiles(ObjectGet reads, Supplier<S3Client> writes, String bucket) {
        this.reads = reads;
        this.writes = writes;
        this.bucket = bucket;
    }

    /**
     * The functions' own, configured the standard way: reads are signed GETs without an S3 client
     * ({@link SignedObjectGet} says why), and the S3 client is made on the first write, which only
     * the indexer makes.
     */
    public static S3IndexFiles standard(String bucket) {
        return new S3IndexFiles(SignedObjectGet.standard(bucket), new Lazy<>(S3IndexFiles::standardClient)::getValue, bucket);
    }

    /**
     * A client configured the standard way (region, credentials chain, AWS_ENDPOINT_URL_S3). Where an
     * endpoint is given (LocalStack, a local S3) buckets are addressed by path, as such endpoints
     * have no per-bucket host names; in AWS by host, as S3 prefers.
     */
    public static S3Client standardClient() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(endpointOverride().isPresent())
                .build();
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
        ObjectGet.Answer answer = reads.get(MANIFEST, unlessTag);
        return switch (answer.status()) {
            case ObjectGet.Answer.NOT_MODIFIED -> new Unchanged();
            case ObjectGet.Answer.NOT_FOUND -> new Missing();
            default -> new Found(answer.body(), answer.etag());
        };
    }

    @Override
    public byte[] read(String key) {
        ObjectGet.Answer answer = reads.get(PREFIX + key, Optional.empty());
        if (answer.status() == ObjectGet.Answer.NOT_FOUND) {
            throw new FileGone(key);
        }
        return answer.body();
    }

    @Override
    public void write(String key, byte[] bytes) {
        writes.get().putObject(r -> r.bucket(bucket).key(PREFIX + key).contentType("application/octet-stream"), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<String> swapManifest(byte[] manifest, Optional<String> expectedTag) {
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(MANIFEST).contentType("application/json");
        expectedTag.ifPresentOrElse(put::ifMatch, () -> put.ifNoneMatch("*"));
        try {
            return Optional.of(writes.get().putObject(put.build(), RequestBody.fromBytes(manifest)).eTag());
        } catch (S3Exception e) {
            // 412: the manifest changed since it was read. 409: S3 saw two conditional writes at once.
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        List<ObjectIdentifier> all = keys.stream().map(k -> ObjectIdentifier.builder().key(PREFIX + k).build()).toList();
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = new ArrayList<>(all.subList(from, Math.min(all.size(), from + DELETE_BATCH)));
            try {
                writes.get().deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
            } catch (RuntimeException e) {
                Log.warn("search_files_not_deleted", "count", batch.size(), "error", e.getClass().getSimpleName());
            }
        }
    }
}
