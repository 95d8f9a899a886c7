package se.inlagg.search;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * A GET signed with the SDK's own SigV4 signer and sent with its URL-connection HTTP client, without
 * an S3 client. The search functions only ever read two kinds of object, and building the S3 client
 * (its endpoint rules, protocol and interceptors, and the SDK's table of every service) and making
 * its first call costs their cold start about 300 ms (ColdStartBenchmark); this costs a fraction.
 * Writes stay on the S3 client ({@link S3IndexFiles}): the indexer is not in a reader's path.
 *
 * <p>Addressed as the S3 client addresses it: virtual-hosted in AWS (by path for a bucket name with
 * dots, which no certificate covers; see {@link #dnsSuffix} for the partitions), by path at a given endpoint (LocalStack, the local server's
 * S3). Signed for S3: the path encoded once, not normalised, the payload's hash in
 * {@code x-amz-content-sha256}. What the S3 client checked, this checks: the body's length against
 * Content-Length, and its CRC32 against the one S3 stored with the object (asked for with
 * {@code x-amz-checksum-mode}); a mismatch is read again. Retried twice, with jittered backoff, on
 * a 500, 502, 503 or 504, a throttling answer, a broken connection or a damaged body, as the SDK's
 * standard retries would. Only S3's NoSuchKey is "not found": a missing bucket is an error.
 */
final class SignedObjectGet implements ObjectGet {

    private static final int ATTEMPTS = 3;
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(429, 500, 502, 503, 504);

    private final SdkHttpClient http;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;
    private final URI bucketBase;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SignedObjectGet(SdkHttpClient http, IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region,
                    URI bucketBase, Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.bucketBase = bucketBase;
        this.clock = clock;
    }

    /**
     * Configured the standard way, as {@link S3IndexFiles#standardClient()} would be: the region
     * chain, the credentials chain (SnapStart's container credentials included) and
     * AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL where one is given.
     */
    static SignedObjectGet standard(String bucket) {
        Region region = new DefaultAwsRegionProviderChain().getRegion();
        URI base = S3IndexFiles.endpointOverride()
                .map(endpoint -> URI.create(endpoint.replaceAll("/+$", "") + "/" + bucket + "/"))
                .orElseGet(() -> {
                    String s3Host = "s3." + region.id() + "." + dnsSuffix(region.id());
                    return URI.create(bucket.contains(".") ? "https://" + s3Host + "/" + bucket + "/"
                            : "https://" + bucket + "." + s3Host + "/");
                });
        return new SignedObjectGet(UrlConnectionHttpClient.create(), DefaultCredentialsProvider.builder().build(), region.id(),
                base, Clock.systemUTC());
    }

    /**
     * The partition's domain, by the region's name. Not from the SDK's partition metadata: its loader
     * builds the SDK's whole table of services (311 classes) on first use, which is what this class
     * exists to avoid. Partitions with other domains (the ISO and sovereign ones) set
     * AWS_ENDPOINT_URL_S3, which is used as given.
     */
    static String dnsSuffix(String region) {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    @Override
    public Answer get(String key, Optional<String> ifNoneMatch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(key, ifNoneMatch);
            } catch (IOException | java.io.UncheckedIOException e) {
                // The URL-connection client throws some failures to connect unchecked.
                if (attempt == ATTEMPTS) {
                    throw SdkClientException.create("S3 could not be reached for " + key + ", or sent it damaged", e);
                }
            } catch (AwsServiceException e) {
                if (attempt == ATTEMPTS || !(TRANSIENT.contains(e.statusCode()) || e.isThrottlingException())) {
                    throw e;
                }
            }
            pause(attempt);
        }
    }

    private Answer once(String key, Optional<String> ifNoneMatch) throws IOException {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                // Joined as text: URI.resolve would normalise "." and ".." segments into another key.
                .uri(URI.create(bucketBase + SdkHttpUtils.urlEncodeIgnoreSlashes(key)))
                .putHeader("x-amz-checksum-mode", "ENABLED");
        ifNoneMatch.ifPresent(tag -> request.putHeader("If-None-Match", tag));
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        var signed = signer.sign(r -> r.identity(identity)
                .request(request.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .build()).call();
        int status = response.httpResponse().statusCode();
        byte[] body = readAll(response);
        return switch (status) {
            case Answer.OK -> new Answer(status, intact(body, response), response.httpResponse().firstMatchingHeader("ETag").orElse(""));
            case Answer.NOT_MODIFIED -> Answer.notModified();
            case Answer.NOT_FOUND -> {
                String code = errorCode(body);
                if (!code.isEmpty() && !code.equals("NoSuchKey")) {
                    throw failure(status, code, response);
                }
                yield Answer.notFound();
            }
            default -> throw failure(status, errorCode(body), response);
        };
    }

    /** The body, if it is as long as S3 said and has the CRC32 S3 stored (when it names one). */
    private static byte[] intact(byte[] body, HttpExecuteResponse response) throws IOException {
        var headers = response.httpResponse();
        var length = headers.firstMatchingHeader("Content-Length");
        if (length.isPresent() && !length.get().strip().equals(Integer.toString(body.length))) {
            throw new IOException("S3 sent " + body.length + " bytes of " + length.get());
        }
        var stored = headers.firstMatchingHeader("x-amz-checksum-crc32");
        // A multipart object's checksum is of its parts ("…-3"); the index's files are single puts.
        if (stored.isPresent() && !stored.get().contains("-")) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(body);
            String computed = java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            if (!computed.equals(stored.get().strip())) {
                throw new IOException("the body's CRC32 " + computed + " is not S3's " + stored.get());
            }
        }
        return body;
    }

    /** The Code of S3's XML error body; empty when there is none. */
    private static String errorCode(byte[] body) {
        Matcher code = ERROR_CODE.matcher(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        return code.find() ? code.group(1) : "";
    }

    private static byte[] readAll(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readAllBytes();
        }
    }

    /** S3's error as the S3 client would throw it: its status, its code (SlowDown, AccessDenied) and request id. */
    private static AwsServiceException failure(int status, String code, HttpExecuteResponse response) {
        String errorCode = code.isEmpty() ? "Http" + status : code;
        return AwsServiceException.builder()
                .statusCode(status)
                .requestId(response.httpResponse().firstMatchingHeader("x-amz-request-id").orElse(null))
                .message("S3 answered " + status + " (" + errorCode + ")")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).serviceName("S3").build())
                .build();
    }

    /** Full jitter under 100, then 200 ms, as the SDK's standard backoff begins. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(100L << (attempt - 1)) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while retrying S3", e);
        }
    }
}
