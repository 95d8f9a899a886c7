package se.inlagg.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import se.inlagg.ops.Log;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

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

    private final S3Client s3;
    private final String bucket;

    public S3IndexFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * A client configured the standard way (region, credentials chain, AWS_ENDPOINT_URL_S3). Where an
     * endpoint is given (LocalStack, a local S3) buckets are addressed by path, as such endpoints
     * have no per-bucket host names; in AWS by host, as S3 prefers.
     */
    public static S3Client standardClient() {
        boolean endpointGiven = setting("AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3").isPresent()
                || setting("AWS_ENDPOINT_URL", "aws.endpointUrl").isPresent();
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(endpointGiven)
                .build();
    }

    private static Optional<String> setting(String environment, String property) {
        return Optional.ofNullable(System.getenv(environment)).or(() -> Optional.ofNullable(System.getProperty(property)))
                .filter(v -> !v.isBlank());
    }

    @Override
    public ManifestRead readManifest(Optional<String> unlessTag) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> {
                r.bucket(bucket).key(MANIFEST);
                unlessTag.ifPresent(r::ifNoneMatch);
            });
            return new Found(object.asByteArray(), object.response().eTag());
        } catch (NoSuchKeyException e) {
            return new Missing();
        } catch (S3Exception e) {
            if (e.statusCode() == 304) {
                return new Unchanged();
            }
            throw e;
        }
    }

    @Override
    public byte[] read(String key) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(PREFIX + key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new FileGone(key);
        }
    }

    @Override
    public void write(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(PREFIX + key).contentType("application/octet-stream"), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<String> swapManifest(byte[] manifest, Optional<String> expectedTag) {
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(MANIFEST).contentType("application/json");
        expectedTag.ifPresentOrElse(put::ifMatch, () -> put.ifNoneMatch("*"));
        try {
            return Optional.of(s3.putObject(put.build(), RequestBody.fromBytes(manifest)).eTag());
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
                s3.deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
            } catch (RuntimeException e) {
                Log.warn("search_files_not_deleted", "count", batch.size(), "error", e.getClass().getSimpleName());
            }
        }
    }
}
