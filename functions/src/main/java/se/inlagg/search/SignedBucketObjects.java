package se.inlagg.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import se.inlagg.ops.Invocation;
import se.inlagg.ops.WithinTheInvocation;
import se.inlagg.posts.Backoff;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The bucket's objects through requests signed with the SDK's own SigV4 signer and sent with its
 * URL-connection HTTP client, without an S3 client. Search only ever GETs, PUTs and DELETEs whole
 * objects under keys it chose, and building the S3 client (its endpoint rules, protocol and
 * interceptors, and the SDK's table of every service) and making its first call cost the readers'
 * cold start about 300 ms and the indexer's about as much (ColdStartBenchmark); this costs a fraction.
 *
 * <p>Addressed as the S3 client addresses it: virtual-hosted in AWS (by path for a bucket name with
 * dots, which no certificate covers; see {@link #dnsSuffix} for the partitions), by path at a given
 * endpoint (LocalStack, the local server's S3). Signed for S3: the path encoded once, not
 * normalised, the payload's SHA-256 in {@code x-amz-content-sha256} (which S3 checks against the
 * body). What the S3 client checked, this checks: a PUT sends the body's CRC32, which S3 checks and
 * keeps; a GET asks for it back ({@code x-amz-checksum-mode}) and checks the body against it and
 * against Content-Length, and a mismatch is read again. Retried twice, with jittered backoff, on a
 * 500, 502, 503 or 504, a throttling answer, S3's RequestTimeout, a broken connection or a damaged
 * body, as the SDK's standard retries would; unlike them, a conditional PUT refused after such a retry
 * is thrown, not reported as a lost race ({@link #put}). Only S3's NoSuchKey is "not found": a
 * missing bucket is an error.
 */
final class SignedBucketObjects implements BucketObjects {

    private static final int ATTEMPTS = 3;
    /**
     * The longest an attempt waits on S3 before it is given up: to connect, then between two reads of the answer. The
     * client's own default is 30 s of silence, three times over, where a reader's function has 10 s in all.
     */
    static final Duration CONNECTING = Duration.ofSeconds(2);
    static final Duration SILENCE = Duration.ofSeconds(5);
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);

    private final SdkHttpClient http;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;
    private final URI bucketBase;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SignedBucketObjects(SdkHttpClient http, IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region,
                        URI bucketBase, Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.bucketBase = bucketBase;
        this.clock = clock;
    }

    /**
     * Configured the standard way, as the SDK configures an S3 client: the region chain, the
     * credentials chain (SnapStart's container credentials included) and AWS_ENDPOINT_URL_S3 or
     * AWS_ENDPOINT_URL where one is given.
     */
    static SignedBucketObjects standard(String bucket) {
        Region region = new DefaultAwsRegionProviderChain().getRegion();
        URI base = S3IndexFiles.endpointOverride()
                .map(endpoint -> URI.create(endpoint.replaceAll("/+$", "") + "/" + bucket + "/"))
                .orElseGet(() -> {
                    String s3Host = "s3." + region.id() + "." + dnsSuffix(region.id());
                    return URI.create(bucket.contains(".") ? "https://" + s3Host + "/" + bucket + "/"
                            : "https://" + bucket + "." + s3Host + "/");
                });
        return new SignedBucketObjects(http(), DefaultCredentialsProvider.builder().build(), region.id(), base, Clock.systemUTC());
    }

    /** The URL-connection client, waiting no longer than {@link #CONNECTING} to connect and {@link #SILENCE} between reads. */
    static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECTING).socketTimeout(SILENCE).build();
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
        return withRetries(key, () -> {
            SdkHttpFullRequest.Builder request = request(SdkHttpMethod.GET, key).putHeader("x-amz-checksum-mode", "ENABLED");
            ifNoneMatch.ifPresent(tag -> request.putHeader("If-None-Match", tag));
            Exchange answer = send(request, null);
            return switch (answer.status()) {
                case Answer.OK -> new Answer(answer.status(), intact(answer), answer.header("ETag"));
                case Answer.NOT_MODIFIED -> Answer.notModified();
                case Answer.NOT_FOUND -> {
                    answer.throwUnlessNoSuchKey();
                    yield Answer.notFound();
                }
                default -> throw answer.failure();
            };
        });
    }

    /**
     * {@inheritDoc} A condition that fails only after an earlier attempt ended unclearly (a broken
     * connection, a 5xx) is not a lost race: that attempt may have stored the bytes (or still be on
     * its way), and a writer told it lost would delete files the new version names. It is thrown, so
     * the caller reads the key again rather than guess.
     */
    @Override
    public Optional<String> put(String key, byte[] bytes, String contentType, Condition condition) {
        int[] attempts = {0};
        String checksum = crc32(bytes);
        return withRetries(key, () -> {
            attempts[0]++;
            SdkHttpFullRequest.Builder request = request(SdkHttpMethod.PUT, key)
                    .putHeader("Content-Type", contentType)
                    .putHeader("Content-Length", Integer.toString(bytes.length))
                    .putHeader("x-amz-checksum-crc32", checksum);
            switch (condition) {
                case Condition.Any any -> { }
                case Condition.Absent absent -> request.putHeader("If-None-Match", "*");
                case Condition.Matching m -> request.putHeader("If-Match", m.etag());
            }
            Exchange answer = send(request, bytes);
            if (answer.status() == 200) {
                return Optional.of(answer.header("ETag"));
            }
            if (condition.refusedBy(answer.status(), errorCode(answer.body()))) {
                if (attempts[0] > 1) {
                    throw SdkClientException.create("S3 refused the conditional write of " + key + " (" + answer.status()
                            + ") after an attempt that may have stored it; read it again to know which it holds");
                }
                return Optional.empty();
            }
            throw answer.failure();
        });
    }

    @Override
    public void delete(String key) {
        withRetries(key, () -> {
            Exchange answer = send(request(SdkHttpMethod.DELETE, key), null);
            if (answer.status() == Answer.NOT_FOUND) {
                answer.throwUnlessNoSuchKey();
            } else if (answer.status() / 100 != 2) {
                throw answer.failure();
            }
            return null;
        });
    }

    /** One request to S3, tried again as the SDK's standard retries would. */
    private <T> T withRetries(String key, Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (IOException | UncheckedIOException e) {
                // The URL-connection client throws some failures to connect unchecked.
                if (n == ATTEMPTS || !timeForAnother()) {
                    throw SdkClientException.create("S3 could not be reached for " + key + ", or sent it damaged", e);
                }
            } catch (AwsServiceException e) {
                if (n == ATTEMPTS || !retryable(e) || !timeForAnother()) {
                    throw e;
                }
            }
            pause(n);
        }
    }

    /** Whether the invocation could wait out another attempt and still answer: else Lambda would end it first. */
    private static boolean timeForAnother() {
        return Invocation.hasLeft(CONNECTING.plus(SILENCE).plus(WithinTheInvocation.ANSWERING));
    }

    /** What the SDK's standard retries retry for S3: a 5xx, throttling, and a request S3 timed out reading (400 RequestTimeout). */
    private static boolean retryable(AwsServiceException e) {
        return TRANSIENT.contains(e.statusCode()) || e.isThrottlingException()
                || "RequestTimeout".equals(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode());
    }

    private interface Attempt<T> {
        T run() throws IOException;
    }

    private SdkHttpFullRequest.Builder request(SdkHttpMethod method, String key) {
        // Joined as text: URI.resolve would normalise "." and ".." segments into another key.
        return SdkHttpFullRequest.builder().method(method).uri(URI.create(bucketBase + SdkHttpUtils.urlEncodeIgnoreSlashes(key)));
    }

    /** Signs the request (with the payload's hash, when it has one) and sends it; the answer's body is read whole. */
    private Exchange send(SdkHttpFullRequest.Builder request, byte[] payload) throws IOException {
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        ContentStreamProvider content = payload == null ? null : ContentStreamProvider.fromByteArrayUnsafe(payload);
        var signed = signer.sign(r -> r.identity(identity)
                .request(request.build())
                .payload(content)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(content)
                .build());
        Deadline deadline = Deadline.of(call, WithinTheInvocation.bound());
        try {
            HttpExecuteResponse response = call.call();
            return new Exchange(response.httpResponse(), readAll(response));
        } catch (IOException | UncheckedIOException e) {
            if (deadline.passed()) {
                // Answered as the SDK's clients answer a call out of time: the function says busy (503) while it lives.
                throw ApiCallTimeoutException.create("S3 did not answer within the invocation's time", e);
            }
            throw e;
        } finally {
            deadline.disarm();
        }
    }

    /**
     * Ends an attempt still running when the invocation must answer ({@link WithinTheInvocation#bound}): the connect and
     * silence bounds hold per attempt, not against the clock, so a stalled S3 took a cold search past Lambda's end.
     * Aborted again until the attempt ends, since an abort while the client is still connecting is not seen. On the
     * JDK's shared timer, not a thread of ours, which keeps this small object until its time but nothing of the request
     * once it ended (an index file a PUT sent, for the indexer's 300 s; from a review); outside an invocation nothing is
     * armed.
     */
    private static final class Deadline {
        private static final long AGAIN_MILLIS = 50;

        /** Let go of when the attempt ends: the timer holds this until the invocation's end, and a PUT's request its bytes. */
        private volatile ExecutableHttpRequest call;
        private volatile boolean passed;

        private Deadline(ExecutableHttpRequest call) {
            this.call = call;
        }

        static Deadline of(ExecutableHttpRequest call, Optional<Duration> bound) {
            Deadline deadline = new Deadline(call);
            bound.ifPresent(b -> deadline.after(b.toMillis()));
            return deadline;
        }

        private void after(long millis) {
            CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(this::abort);
        }

        private void abort() {
            ExecutableHttpRequest running = call;
            if (running != null) {
                passed = true;
                running.abort();
                after(AGAIN_MILLIS);
            }
        }

        boolean passed() {
            return passed;
        }

        void disarm() {
            call = null;
        }
    }

    /** What S3 answered: its status line and headers, and the body read whole (an error's is a little XML). */
    private record Exchange(SdkHttpResponse response, byte[] body) {

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.firstMatchingHeader(name).orElse("");
        }

        /** A 404 is an answer only for a key that is not there; a missing bucket is an error. */
        void throwUnlessNoSuchKey() {
            String code = errorCode(body);
            if (!code.isEmpty() && !code.equals("NoSuchKey")) {
                throw failure();
            }
        }

        /** S3's error as the S3 client would throw it: its status, its code (SlowDown, AccessDenied) and request id. */
        AwsServiceException failure() {
            String code = errorCode(body);
            String errorCode = code.isEmpty() ? "Http" + status() : code;
            return AwsServiceException.builder()
                    .statusCode(status())
                    .requestId(response.firstMatchingHeader("x-amz-request-id").orElse(null))
                    .message("S3 answered " + status() + " (" + errorCode + ")")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).serviceName("S3").build())
                    .build();
        }
    }

    /** CRC32 as S3 writes it in x-amz-checksum-crc32: the four bytes big-endian, in base64. */
    static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The body, if it is as long as S3 said and has the CRC32 S3 stored (when it names one). */
    private static byte[] intact(Exchange answer) throws IOException {
        byte[] body = answer.body();
        var length = answer.response().firstMatchingHeader("Content-Length");
        if (length.isPresent() && !length.get().strip().equals(Integer.toString(body.length))) {
            throw new IOException("S3 sent " + body.length + " bytes of " + length.get());
        }
        var stored = answer.response().firstMatchingHeader("x-amz-checksum-crc32");
        // A multipart object's checksum is of its parts ("…-3"); the index's files are single puts.
        if (stored.isPresent() && !stored.get().contains("-")) {
            String computed = crc32(body);
            if (!computed.equals(stored.get().strip())) {
                throw new IOException("the body's CRC32 " + computed + " is not S3's " + stored.get());
            }
        }
        return body;
    }

    /** The Code of S3's XML error body; empty when there is none. */
    private static String errorCode(byte[] body) {
        Matcher code = ERROR_CODE.matcher(new String(body, StandardCharsets.UTF_8));
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

    /** Full jitter under 100, then 200 ms, as the SDK's standard backoff begins. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(Backoff.jitterBelow(100L << (attempt - 1)) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while retrying S3", e);
        }
    }
}
