package se.inlagg.images;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import se.inlagg.ops.WithinTheInvocation;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.Lazy;

/**
 * The pictures bucket in S3 (or anything that speaks S3: LocalStack, the local emulator), through
 * the SDK's standard configuration: region, credentials and AWS_ENDPOINT_URL_S3, so only the
 * endpoint differs between AWS and a laptop. Browsers get addresses at {@link BucketSettings#browserEndpoint()}.
 */
public final class S3ImageBucket implements ImageBucket {

    /**
     * How long CloudFront and a browser may keep a picture: an hour. Its name never changes content, but a deleted post's
     * picture, or one a post replaced, must stop being served; kept for a year ("immutable") it would stay at every
     * edge that had it, with nothing to take it away. Asking S3 again costs a 304 an hour.
     */
    static final String SHOWN = "public, max-age=3600";

    /**
     * The SDK pieces a bucket works through: built from the environment in a function, given by a test.
     * The client and the presigner are made when first used: the upload page signs its form with the
     * credentials alone, and building an S3 client would cost its cold start about a third.
     */
    public record Parts(Supplier<S3Client> client, Supplier<S3Presigner> presigner, AwsCredentialsProvider uploadCredentials,
                        Region region) {

        public Parts(S3Client client, S3Presigner presigner, AwsCredentialsProvider uploadCredentials, Region region) {
            this(() -> client, () -> presigner, uploadCredentials, region);
        }
    }

    private final String bucket;
    private final Parts parts;
    private final String uploadUrl;

    public S3ImageBucket(BucketSettings settings, Parts parts) {
        this.bucket = settings.bucket();
        this.parts = parts;
        this.uploadUrl = settings.browserEndpoint()
                .map(e -> e.toString().replaceAll("/+$", "") + "/" + bucket)
                .orElse("https://" + bucket + ".s3." + parts.region().id() + ".amazonaws.com/");
    }

    /** The SDK pieces as a function builds them, once, and only if it touches pictures. */
    public static Parts standardParts(BucketSettings settings) {
        Region region = DefaultAwsRegionProviderChain.builder().build().getRegion();
        return new Parts(new Lazy<>(() -> S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                // An emulator on a loopback port has no bucket.host names: address it path-style.
                .forcePathStyle(BucketSettings.sdkEndpointOverridden())
                // Checksums only where S3 requires them: none of these calls streams a body worth it.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new WithinTheInvocation()))
                .build())::getValue, new Lazy<>(() -> {
                    S3Presigner.Builder presigner = S3Presigner.builder().region(region)
                            .credentialsProvider(DefaultCredentialsProvider.builder().build());
                    settings.browserEndpoint().ifPresent(e -> presigner.endpointOverride(e)
                            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
                    return presigner.build();
                })::getValue, DefaultCredentialsProvider.builder().build(), region);
    }

    @Override
    public Optional<Chunk> read(String key, Optional<String> version, long offset, int length) {
        try {
            // Read whole within the call, so the invocation's bound (WithinTheInvocation) covers the bytes too: a stream
            // returned at the headers was read after the call, waited on for the client's 30 s of silence (from a review).
            var read = parts.client().get().getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=" + offset + "-" + (offset + length - 1))
                    .ifMatch(version.orElse(null)));
            byte[] bytes = read.asByteArrayUnsafe();
            return Optional.of(new Chunk(bytes, totalSize(read.response().contentRange(), offset + bytes.length), read.response().eTag()));
        } catch (S3Exception e) {
            if (isGone(e)) {
                return Optional.empty();
            }
            if (e.statusCode() == 416) {
                return Optional.of(new Chunk(new byte[0], offset, version.orElse("")));
            }
            throw e;
        }
    }

    /** "bytes 0-65535/10485760" names the whole size; without the header, what came is all there is. */
    static long totalSize(String contentRange, long read) {
        if (contentRange != null) {
            int slash = contentRange.lastIndexOf('/');
            String total = slash < 0 ? "" : contentRange.substring(slash + 1).strip();
            if (total.matches("\\d{1,18}")) {
                return Long.parseLong(total);
            }
        }
        return read;
    }

    @Override
    public boolean copy(String from, String version, String to, ImageType type) {
        try {
            // The upload's tag is not copied: the picture is kept until its save knows no post shows it. Only the version whose
            // bytes were checked is copied: the upload form can put other bytes to the key between the check and the copy,
            // which would then be served as the type the check found.
            parts.client().get().copyObject(r -> r.sourceBucket(bucket).sourceKey(from).copySourceIfMatch(version)
                    .destinationBucket(bucket).destinationKey(to)
                    .metadataDirective(MetadataDirective.REPLACE).contentType(type.mediaType()).cacheControl(SHOWN)
                    .taggingDirective(TaggingDirective.REPLACE));
            return true;
        } catch (S3Exception e) {
            // A 403 is also how S3 says the function may not do this (a policy or key mistake): the source still there, at
            // this version, tells that from a file gone (else it is answered "upload again", unlogged, for ever).
            if (isGone(e) && (e.statusCode() != 403 || read(from, Optional.of(version), 0, 1).isEmpty())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void put(String to, byte[] bytes, ImageType type) {
        parts.client().get().putObject(r -> r.bucket(bucket).key(to).contentType(type.mediaType()).cacheControl(SHOWN),
                RequestBody.fromBytes(bytes));
    }

    /**
     * A file that is not there (404; 403 without s3:ListBucket, which the functions are not given, is how S3 says it to
     * them) or not the version asked for (412).
     */
    private static boolean isGone(S3Exception e) {
        return e.statusCode() == 404 || e.statusCode() == 403 || e.statusCode() == 412;
    }

    @Override
    public void markAttached(String key) {
        parts.client().get().deleteObjectTagging(r -> r.bucket(bucket).key(key));
    }

    @Override
    public void markUnattached(String key) {
        parts.client().get().putObjectTagging(r -> r.bucket(bucket).key(key)
                .tagging(t -> t.tagSet(Tag.builder().key("state").value("unattached").build())));
    }

    @Override
    public void delete(String key) {
        parts.client().get().deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public URI readUrl(String key, Duration lifetime) {
        try {
            return parts.presigner().get().presignGetObject(p -> p.signatureDuration(lifetime)
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK made an address that is not one", e);
        }
    }

    @Override
    public UploadForm uploadForm(String keyPrefix, String key, Optional<String> redirect, Instant now) {
        AwsCredentials credentials = parts.uploadCredentials().resolveCredentials();
        Optional<String> token = credentials instanceof AwsSessionCredentials s ? Optional.of(s.sessionToken()) : Optional.empty();
        var signer = new UploadPolicy.Signer(credentials.accessKeyId(), credentials.secretAccessKey(), token, credentials.expirationTime(),
                parts.region().id());
        return UploadPolicy.form(uploadUrl, bucket, key, keyPrefix, redirect, signer, now);
    }
}
