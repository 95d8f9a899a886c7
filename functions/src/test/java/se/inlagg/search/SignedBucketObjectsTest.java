package se.inlagg.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import se.inlagg.http.TestContext;
import se.inlagg.ops.Invocation;
import se.inlagg.ops.WithinTheInvocation;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

class SignedBucketObjectsTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant NOW = Instant.parse("2026-12-01T16:40:00Z");

    private final FakeS3 s3 = new FakeS3();
    private final SignedBucketObjects objects = new SignedBucketObjects(s3,
            StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAEXAMPLEEXAMPLE00", SECRET, "IQoJb3JpZ2luX2VjEXAMPLE")),
            "eu-north-1", URI.create("https://inlagg-search.s3.eu-north-1.amazonaws.com/"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aGetIsSignedAsS3ChecksIt() throws Exception {
        s3.answer(200, "index bytes", "\"abc\"");

        var answer = objects.get("search/_0 å.cfs", Optional.of("\"old\""));

        assertEquals(200, answer.status());
        assertEquals("index bytes", new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals("\"abc\"", answer.etag());
        SdkHttpRequest sent = s3.sent.getFirst();
        assertEquals("inlagg-search.s3.eu-north-1.amazonaws.com", sent.host());
        // S3 takes the path encoded once: a space is %20, å its UTF-8 bytes, the slash kept.
        assertEquals("/search/_0%20%C3%A5.cfs", sent.encodedPath());
        assertEquals("\"old\"", sent.firstMatchingHeader("If-None-Match").orElseThrow());
        assertEquals("IQoJb3JpZ2luX2VjEXAMPLE", sent.firstMatchingHeader("X-Amz-Security-Token").orElseThrow());
        String payloadHash = sent.firstMatchingHeader("x-amz-content-sha256").orElseThrow();
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[0])), payloadHash);

        String authorization = sent.firstMatchingHeader("Authorization").orElseThrow();
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE00/20261201/eu-north-1/s3/aws4_request, "),
                authorization);
        assertTrue(List.of(field(authorization, "SignedHeaders").split(";")).containsAll(List.of("x-amz-checksum-mode", "if-none-match")),
                authorization);
        assertEquals(signatureByTheSpecification(sent, authorization), field(authorization, "Signature"));
    }

    @Test
    void aPutSignsItsBodyAndSendsItsChecksumAndCondition() throws Exception {
        byte[] manifest = "{\"generation\":2}".getBytes(StandardCharsets.UTF_8);
        s3.answer(200, "", "\"v2\"");

        assertEquals(Optional.of("\"v2\""), objects.put("search/manifest.json", manifest, "application/json",
                BucketObjects.Condition.matching("\"v1\"")));

        SdkHttpRequest sent = s3.sent.getFirst();
        assertEquals("PUT", sent.method().name());
        assertArrayEquals(manifest, s3.bodies.getFirst(), "the bytes given are the bytes sent");
        assertEquals("\"v1\"", sent.firstMatchingHeader("If-Match").orElseThrow());
        assertEquals(Integer.toString(manifest.length), sent.firstMatchingHeader("Content-Length").orElseThrow());
        // S3 refuses a body whose hash or CRC32 is not these, so neither can be of anything but the bytes sent.
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest)),
                sent.firstMatchingHeader("x-amz-content-sha256").orElseThrow());
        CRC32 crc = new CRC32();
        crc.update(manifest);
        assertEquals(crc.getValue(), Integer.toUnsignedLong(ByteBuffer.wrap(Base64.getDecoder()
                .decode(sent.firstMatchingHeader("x-amz-checksum-crc32").orElseThrow())).getInt()));
        String authorization = sent.firstMatchingHeader("Authorization").orElseThrow();
        assertTrue(List.of(field(authorization, "SignedHeaders").split(";")).containsAll(List.of("if-match", "x-amz-checksum-crc32",
                "x-amz-content-sha256", "content-type")), authorization);
        assertEquals(signatureByTheSpecification(sent, authorization), field(authorization, "Signature"));
    }

    @Test
    void aConditionRefusedAfterAnAttemptThatMayHaveLandedIsThrownNotTakenForALostRace() {
        s3.answer(503, "<Error><Code>SlowDown</Code></Error>", "");
        s3.answer(412, "<Error><Code>PreconditionFailed</Code></Error>", "");

        assertThrows(SdkClientException.class, () -> objects.put("search/manifest.json",
                new byte[] {1}, "application/json", BucketObjects.Condition.matching("\"v1\"")));

        s3.refuseConnection();
        s3.answer(409, "<Error><Code>ConditionalRequestConflict</Code></Error>", "");
        assertThrows(SdkClientException.class, () -> objects.put("search/manifest.json",
                new byte[] {1}, "application/json", BucketObjects.Condition.ABSENT));
    }

    @Test
    void aFailedConditionOfAnUnconditionalPutIsAnError() {
        s3.answer(412, "<Error><Code>PreconditionFailed</Code></Error>", "");

        var refused = assertThrows(AwsServiceException.class, () -> objects.put("search/_0.cfs", new byte[] {1}, "application/octet-stream",
                BucketObjects.Condition.ANY));
        assertEquals(412, refused.statusCode());
    }

    @Test
    void aTimedOutUploadAndABusyDeleteAreTriedAgain() {
        s3.answer(400, "<Error><Code>RequestTimeout</Code></Error>", "");
        s3.answer(200, "", "\"f\"");
        assertEquals(Optional.of("\"f\""), objects.put("search/_0.cfs", new byte[] {1}, "application/octet-stream",
                BucketObjects.Condition.ANY));

        s3.answer(503, "<Error><Code>SlowDown</Code></Error>", "");
        s3.answer(204, "", "");
        objects.delete("search/_0.cfs");
        assertEquals(4, s3.sent.size());
    }

    @Test
    void aFirstManifestIsPutOnlyWhereThereIsNoneAndALostRaceIsAnAnswer() {
        s3.answer(412, "<Error><Code>PreconditionFailed</Code></Error>", "");
        s3.answer(409, "<Error><Code>ConditionalRequestConflict</Code></Error>", "");

        assertEquals(Optional.empty(), objects.put("search/manifest.json", new byte[] {1}, "application/json", BucketObjects.Condition.ABSENT));
        assertEquals(Optional.empty(), objects.put("search/manifest.json", new byte[] {1}, "application/json",
                BucketObjects.Condition.matching("\"v1\"")));
        assertEquals("*", s3.sent.getFirst().firstMatchingHeader("If-None-Match").orElseThrow());
        assertEquals(2, s3.sent.size(), "a condition that did not hold is not tried again");
    }

    /**
     * S3 answers If-Match on a key that holds nothing with 404 NoSuchKey: the version written on is gone, a lost race
     * (an operator emptied the index's folder), where it failed the indexer's batch (from a review). A missing bucket
     * stays an error; a missing key refuses only If-Match, not a PUT without condition.
     */
    @Test
    void aSwapOnAManifestThatIsGoneIsRefusedButOnAMissingBucketIsAnError() {
        s3.answer(404, "<Error><Code>NoSuchKey</Code></Error>", "");
        s3.answer(404, "<Error><Code>NoSuchBucket</Code></Error>", "");
        s3.answer(404, "<Error><Code>NoSuchKey</Code></Error>", "");

        assertEquals(Optional.empty(), objects.put("search/manifest.json", new byte[] {1}, "application/json",
                BucketObjects.Condition.matching("\"v1\"")));
        var missing = assertThrows(AwsServiceException.class, () -> objects.put("search/manifest.json", new byte[] {1}, "application/json",
                BucketObjects.Condition.matching("\"v1\"")));
        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
        assertThrows(AwsServiceException.class, () -> objects.put("search/_0.cfs", new byte[] {1}, "application/octet-stream",
                BucketObjects.Condition.ANY));
    }

    @Test
    void aFilePutWithoutConditionIsRetriedWhenS3IsBusyAndRefusedWhenDenied() {
        s3.answer(503, "<Error><Code>SlowDown</Code></Error>", "");
        s3.answer(200, "", "\"f\"");
        assertEquals(Optional.of("\"f\""), objects.put("search/_0.cfs", new byte[] {1, 2}, "application/octet-stream",
                BucketObjects.Condition.ANY));
        assertTrue(s3.sent.get(1).firstMatchingHeader("If-None-Match").isEmpty() && s3.sent.get(1).firstMatchingHeader("If-Match").isEmpty());

        s3.answer(403, "<Error><Code>AccessDenied</Code></Error>", "");
        var denied = assertThrows(AwsServiceException.class, () -> objects.put("search/_1.cfs", new byte[] {1}, "application/octet-stream",
                BucketObjects.Condition.ANY));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }

    @Test
    void aDeleteOfAKeyThatIsGoneIsDoneButOfAMissingBucketIsAnError() {
        s3.answer(204, "", "");
        s3.answer(404, "<Error><Code>NoSuchKey</Code></Error>", "");
        s3.answer(404, "<Error><Code>NoSuchBucket</Code></Error>", "");

        objects.delete("search/_0.cfs");
        objects.delete("search/_0.cfs");
        var missing = assertThrows(AwsServiceException.class, () -> objects.delete("search/_0.cfs"));

        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
        assertEquals("DELETE", s3.sent.getFirst().method().name());
        assertEquals("/search/_0.cfs", s3.sent.getFirst().encodedPath());
    }

    @Test
    void theStandardAddressIsThePartitionsWithoutLoadingTheSdksTableOfServices() {
        assertEquals("amazonaws.com", SignedBucketObjects.dnsSuffix("eu-north-1"));
        assertEquals("amazonaws.com", SignedBucketObjects.dnsSuffix("us-gov-west-1"));
        assertEquals("amazonaws.com.cn", SignedBucketObjects.dnsSuffix("cn-north-1"));
    }

    @Test
    void notModifiedAndMissingAreAnswersNotErrors() {
        s3.answer(304, "", "\"abc\"");
        s3.answer(404, "<Error><Code>NoSuchKey</Code></Error>", "");

        assertEquals(304, objects.get("search/manifest.json", Optional.of("\"abc\"")).status());
        assertEquals(404, objects.get("search/manifest.json", Optional.empty()).status());
    }

    @Test
    void aBusyS3IsAskedAgainThenReportedAsTheSdkReportsIt() {
        s3.answer(503, "<Error><Code>SlowDown</Code></Error>", "");
        s3.answer(500, "<Error><Code>InternalError</Code></Error>", "");
        s3.answer(200, "after two retries", "\"t\"");
        assertArrayEquals("after two retries".getBytes(StandardCharsets.UTF_8), objects.get("search/a", Optional.empty()).body());

        for (int i = 0; i < 3; i++) {
            s3.answer(503, "<Error><Code>SlowDown</Code></Error>", "");
        }
        var busy = assertThrows(AwsServiceException.class, () -> objects.get("search/a", Optional.empty()));
        assertEquals(503, busy.statusCode());
        assertEquals("SlowDown", busy.awsErrorDetails().errorCode());
        assertEquals(6, s3.sent.size(), "three tries each");
    }

    @Test
    void aMissingBucketIsAnErrorNotAMissingKey() {
        s3.answer(404, "<Error><Code>NoSuchBucket</Code></Error>", "");

        var missing = assertThrows(AwsServiceException.class, () -> objects.get("search/manifest.json", Optional.empty()));

        assertEquals(404, missing.statusCode());
        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
    }

    @Test
    void aBodyCutShortOrDamagedIsReadAgainAndOnlyAnIntactOneIsAnswered() {
        String crc = "uSR8TA==";  // CRC32 of "index bytes", big-endian, base64: as S3 sends x-amz-checksum-crc32
        s3.answer(200, "index by", "\"t\"", Map.of("Content-Length", "11"));
        s3.answer(200, "index bytez", "\"t\"", Map.of("Content-Length", "11", "x-amz-checksum-crc32", crc));
        s3.answer(200, "index bytes", "\"t\"", Map.of("Content-Length", "11", "x-amz-checksum-crc32", crc));

        assertEquals("index bytes", new String(objects.get("search/a", Optional.empty()).body(), StandardCharsets.UTF_8));
        assertEquals(3, s3.sent.size());

        for (int i = 0; i < 3; i++) {
            s3.answer(200, "index bytez", "\"t\"", Map.of("x-amz-checksum-crc32", crc));
        }
        assertThrows(SdkClientException.class, () -> objects.get("search/a", Optional.empty()));
    }

    @Test
    void aConnectionRefusedIsTriedAgain() {
        s3.refuseConnection();
        s3.answer(200, "after a refused connection", "\"t\"");

        assertEquals("after a refused connection", new String(objects.get("search/a", Optional.empty()).body(), StandardCharsets.UTF_8));
    }

    /**
     * In an invocation without the time to wait out another attempt (to connect, then S3's silence) and still answer, a
     * failure is the answer: tried again, Lambda would end the function first, and the reader get API Gateway's bare 500.
     */
    @Test
    void aFailureIsNotTriedAgainWhenTheInvocationHasNoTimeForIt() {
        s3.refuseConnection();
        s3.answer(200, "after a refused connection", "\"t\"");
        int enough = (int) SignedBucketObjects.CONNECTING.plus(SignedBucketObjects.SILENCE).plus(WithinTheInvocation.ANSWERING).toMillis();

        try (Invocation.Scope scope = Invocation.begin(new TestContext(enough - 1_000), "GET /search", "r-1")) {
            assertThrows(SdkClientException.class, () -> objects.get("search/a", Optional.empty()));
        }
        assertEquals(1, s3.sent.size(), "one attempt");

        s3.refuseConnection();
        s3.answer(200, "after a refused connection", "\"t\"");
        try (Invocation.Scope scope = Invocation.begin(new TestContext(enough + 2_000), "GET /search", "r-2")) {
            assertEquals("after a refused connection", new String(objects.get("search/a", Optional.empty()).body(), StandardCharsets.UTF_8),
                    "with the time, tried again");
        }
    }

    @Test
    void aRefusalIsNotRetried() {
        s3.answer(403, "<Error><Code>AccessDenied</Code></Error>", "");

        var denied = assertThrows(AwsServiceException.class, () -> objects.get("search/a", Optional.empty()));

        assertEquals(403, denied.statusCode());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertEquals(1, s3.sent.size());
    }

    /** SigV4 as AWS documents it for S3, computed here from the request as sent, independently of the SDK. */
    private static String signatureByTheSpecification(SdkHttpRequest sent, String authorization) throws Exception {
        String signedHeaders = field(authorization, "SignedHeaders");
        assertTrue(List.of(signedHeaders.split(";")).containsAll(List.of("host", "x-amz-content-sha256", "x-amz-date",
                "x-amz-security-token")), signedHeaders);
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = name.equals("host") ? sent.firstMatchingHeader("Host").orElse(sent.host())
                    : sent.firstMatchingHeader(name).orElseThrow(() -> new AssertionError("signed but not sent: " + name));
            canonicalHeaders.append(name).append(':').append(value.strip()).append('\n');
        }
        String canonicalRequest = String.join("\n", sent.method().name(), sent.encodedPath(), "", canonicalHeaders.toString(), signedHeaders,
                sent.firstMatchingHeader("x-amz-content-sha256").orElseThrow());
        String amzDate = sent.firstMatchingHeader("X-Amz-Date").orElseThrow();
        assertEquals("20261201T164000Z", amzDate);
        String scope = "20261201/eu-north-1/s3/aws4_request";
        String toSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), "20261201");
        key = hmac(key, "eu-north-1");
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, toSign));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String authorization, String name) {
        Matcher m = Pattern.compile(name + "=([^,\\s]+)").matcher(authorization);
        assertTrue(m.find(), authorization);
        return m.group(1);
    }

    /** Answers in the order given and keeps every request it was sent. */
    private static final class FakeS3 implements SdkHttpClient {
        private record Canned(int status, String body, String etag, Map<String, String> headers) {
        }

        final List<SdkHttpRequest> sent = new ArrayList<>();
        final List<byte[]> bodies = new ArrayList<>();
        private final Deque<Canned> answers = new ArrayDeque<>();

        void answer(int status, String body, String etag) {
            answer(status, body, etag, Map.of());
        }

        void answer(int status, String body, String etag, Map<String, String> headers) {
            answers.add(new Canned(status, body, etag, headers));
        }

        /** The next call fails as the URL-connection client fails to connect: unchecked. */
        void refuseConnection() {
            answers.add(new Canned(-1, "", "", Map.of()));
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    sent.add(request.httpRequest());
                    bodies.add(request.contentStreamProvider().map(p -> {
                        try (var in = p.newStream()) {
                            return in.readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).orElse(new byte[0]));
                    Canned c = answers.removeFirst();
                    if (c.status() < 0) {
                        throw new UncheckedIOException(new ConnectException("Connection refused"));
                    }
                    SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(c.status());
                    if (!c.etag().isEmpty()) {
                        response.putHeader("ETag", c.etag());
                    }
                    c.headers().forEach(response::putHeader);
                    return HttpExecuteResponse.builder().response(response.build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(c.body().getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
