package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Browser uploads by presigned POST: an HTML form posting multipart/form-data straight to the
 * bucket, with a signed policy, as authors' pictures will be uploaded. Each refusal is checked to
 * leave nothing behind.
 */
class PostUploadContractTest {

    private static final String REDIRECT = "http://localhost:3000/write/bild";
    private static final long MAX = 1024 * 1024;

    private final S3Client s3 = S3Contract.client();

    private static URI action(String bucket) {
        return URI.create(S3Contract.endpoint() + "/" + bucket);
    }

    /** The policy the application will use for an author's picture. */
    private static PresignedPost picturePolicy(String bucket) {
        return new PresignedPost().exact("bucket", bucket).startsWith("key", "uploads/").startsWith("Content-Type", "image/")
                .exact("success_action_redirect", REDIRECT).lengthRange(1, MAX);
    }

    private static Map<String, String> signed(PresignedPost policy) {
        return policy.sign(S3Contract.accessKey(), S3Contract.secretKey(), S3Contract.REGION);
    }

    private static MultipartForm pictureForm(PresignedPost policy) {
        return new MultipartForm().field("key", "uploads/${filename}").field("Content-Type", "image/png")
                .field("success_action_redirect", REDIRECT).fields(signed(policy));
    }

    private static Map<String, String> query(String location) {
        String q = URI.create(location).getRawQuery();
        return Arrays.stream(q.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    /** Asserts the status and S3's error code, and answers the error's message. */
    private static String assertRefused(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, element(r.body(), "Code"), r.body());
        return element(r.body(), "Message");
    }

    /** The text of an element of an XML answer, as a client's parser reads it (entities resolved). */
    static String element(String xml, String name) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        var found = doc.getElementsByTagName(name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    @Test
    void anUploadRedirectsWithBucketKeyAndETagAndStoresTheFileUnderItsFilename() throws Exception {
        String bucket = S3Contract.bucket();
        byte[] png = ObjectContractTest.png();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket).startsWith("x-amz-meta-fotograf", ""))
                .field("x-amz-meta-fotograf", "asa-oberg")
                .post(action(bucket), "månadsmöte.png", "image/png", png);
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        Map<String, String> answer = query(location);
        assertEquals(bucket, answer.get("bucket"));
        assertEquals("uploads/månadsmöte.png", answer.get("key"));
        assertEquals("\"" + ObjectContractTest.md5(png) + "\"", answer.get("etag"));

        var stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key("uploads/månadsmöte.png"));
        assertArrayEquals(png, stored.asByteArray());
        assertEquals("image/png", stored.response().contentType());
        assertEquals(Map.of("fotograf", "asa-oberg"), stored.response().metadata());
        assertEquals(answer.get("etag"), stored.response().eTag());
    }

    @Test
    void successActionStatus201AnswersAPostResponseDocument() throws Exception {
        String bucket = S3Contract.bucket();
        PresignedPost policy = new PresignedPost().exact("bucket", bucket).startsWith("key", "uploads/").exact("success_action_status", "201");
        HttpResponse<String> r = new MultipartForm().field("key", "uploads/a.txt").field("success_action_status", "201").fields(signed(policy))
                .post(action(bucket), "a.txt", "text/plain", "hej".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(bucket, element(r.body(), "Bucket"), r.body());
        assertEquals("uploads/a.txt", element(r.body(), "Key"));
        assertEquals("\"" + ObjectContractTest.md5("hej".getBytes(StandardCharsets.UTF_8)) + "\"", element(r.body(), "ETag"));
        // Path-style here, virtual-hosted on LocalStack and S3: either way the URL ends in the key.
        assertTrue(element(r.body(), "Location").endsWith("/uploads/a.txt"), r.body());
    }

    @Test
    void withoutARedirectOrStatusTheAnswerIs204() throws Exception {
        String bucket = S3Contract.bucket();
        PresignedPost policy = new PresignedPost().exact("bucket", bucket).startsWith("key", "uploads/");
        HttpResponse<String> r = new MultipartForm().field("key", "uploads/b.txt").fields(signed(policy))
                .post(action(bucket), "b.txt", "text/plain", "hej".getBytes(StandardCharsets.UTF_8));
        assertEquals(204, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("ETag").isPresent());
    }

    @Test
    void anExpiredPolicyIsAccessDenied() throws Exception {
        String bucket = S3Contract.bucket();
        Instant yesterday = Instant.now().minusSeconds(86_400);
        HttpResponse<String> r = pictureForm(picturePolicy(bucket).expiringAt(yesterday.plusSeconds(600)).signedAt(yesterday))
                .post(action(bucket), "sent.png", "image/png", ObjectContractTest.png());
        assertEquals("Invalid according to Policy: Policy expired.", assertRefused(r, 403, "AccessDenied"));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("uploads/sent.png")));
    }

    /** A form left open past its expiration, by a minute only, is refused: the policy's time is not stretched. */
    @Test
    void aPolicyExpiredAMinuteAgoIsAccessDenied() throws Exception {
        String bucket = S3Contract.bucket();
        Instant now = Instant.now();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket).expiringAt(now.minusSeconds(60)).signedAt(now.minusSeconds(600)))
                .post(action(bucket), "sen.png", "image/png", ObjectContractTest.png());
        assertEquals("Invalid according to Policy: Policy expired.", assertRefused(r, 403, "AccessDenied"));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("uploads/sen.png")));
    }

    @Test
    @SkipOnLocalStack("does not verify signatures by default")
    void aWrongSignatureIsSignatureDoesNotMatch() throws Exception {
        String bucket = S3Contract.bucket();
        Map<String, String> fields = picturePolicy(bucket).sign(S3Contract.accessKey(), "fel-hemlighet", S3Contract.REGION);
        HttpResponse<String> r = new MultipartForm().field("key", "uploads/${filename}").field("Content-Type", "image/png")
                .field("success_action_redirect", REDIRECT).fields(fields)
                .post(action(bucket), "falsk.png", "image/png", ObjectContractTest.png());
        assertRefused(r, 403, "SignatureDoesNotMatch");
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("uploads/falsk.png")));
    }

    @Test
    @SkipOnLocalStack("does not verify signatures by default")
    void aPolicyChangedAfterSigningIsSignatureDoesNotMatch() throws Exception {
        String bucket = S3Contract.bucket();
        Map<String, String> fields = signed(picturePolicy(bucket));
        String widened = new String(Base64.getDecoder().decode(fields.get("policy")), StandardCharsets.UTF_8)
                .replace("\"uploads/\"", "\"\"");
        fields.put("policy", Base64.getEncoder().encodeToString(widened.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = new MultipartForm().field("key", "annat/${filename}").field("Content-Type", "image/png")
                .field("success_action_redirect", REDIRECT).fields(fields)
                .post(action(bucket), "x.png", "image/png", ObjectContractTest.png());
        assertRefused(r, 403, "SignatureDoesNotMatch");
    }

    @Test
    void aKeyOutsideTheStartsWithPrefixNamesTheFailedCondition() throws Exception {
        String bucket = S3Contract.bucket();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket)).field("key", "admin/${filename}")
                .post(action(bucket), "intrång.png", "image/png", ObjectContractTest.png());
        assertEquals("Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$key\", \"uploads/\"]",
                assertRefused(r, 403, "AccessDenied"));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("admin/intrång.png")));
    }

    @Test
    void aFileOverTheContentLengthRangeIsEntityTooLarge() throws Exception {
        String bucket = S3Contract.bucket();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket).lengthRange(1, 1000))
                .post(action(bucket), "stor.png", "image/png", new byte[1001]);
        assertEquals("Your proposed upload exceeds the maximum allowed size", assertRefused(r, 400, "EntityTooLarge"));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("uploads/stor.png")));
    }

    /** The range's ends are inclusive: a file of exactly its maximum is taken. */
    @Test
    void aFileOfExactlyTheContentLengthRangesMaximumIsStored() throws Exception {
        String bucket = S3Contract.bucket();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket).lengthRange(1, 1000))
                .post(action(bucket), "precis.png", "image/png", new byte[1000]);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(1000, s3.headObject(b -> b.bucket(bucket).key("uploads/precis.png")).contentLength());
    }

    @Test
    void aFileUnderTheContentLengthRangeIsEntityTooSmall() throws Exception {
        String bucket = S3Contract.bucket();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket).lengthRange(100, MAX))
                .post(action(bucket), "liten.png", "image/png", new byte[99]);
        assertEquals("Your proposed upload is smaller than the minimum allowed size", assertRefused(r, 400, "EntityTooSmall"));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("uploads/liten.png")));
    }

    @Test
    @SkipOnLocalStack("accepts form fields the policy does not name")
    void aFieldThePolicyDoesNotNameIsRefused() throws Exception {
        String bucket = S3Contract.bucket();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket)).field("x-amz-meta-smugglad", "ja")
                .post(action(bucket), "extra.png", "image/png", ObjectContractTest.png());
        assertEquals("Invalid according to Policy: Extra input fields: x-amz-meta-smugglad", assertRefused(r, 403, "AccessDenied"));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("uploads/extra.png")));
    }

    /** An exact condition is exact in case too: a policy for one key does not let the form write another. */
    @Test
    void anExactConditionIsCaseSensitive() throws Exception {
        String bucket = S3Contract.bucket();
        PresignedPost policy = new PresignedPost().exact("bucket", bucket).exact("key", "uploads/Bild.png");
        HttpResponse<String> r = new MultipartForm().field("key", "uploads/bild.png").fields(signed(policy))
                .post(action(bucket), "bild.png", "image/png", ObjectContractTest.png());
        // The condition is named as the policy wrote it: LocalStack echoes {"key": …} where the emulator, as S3, writes ["eq", …].
        String refusal = assertRefused(r, 403, "AccessDenied");
        assertTrue(refusal.startsWith("Invalid according to Policy: Policy Condition failed: ") && refusal.contains("uploads/Bild.png"), refusal);
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("uploads/bild.png")));
    }

    /**
     * A field named in an exact condition as the policy spells it ("Content-Type") is the form's field of any case: it
     * is named, not an extra field, and the upload is stored.
     */
    @Test
    void anExactConditionNamesItsFieldWhateverTheCase() throws Exception {
        String bucket = S3Contract.bucket();
        PresignedPost policy = new PresignedPost().exact("bucket", bucket).startsWith("key", "uploads/").exact("Content-Type", "image/png");
        HttpResponse<String> r = new MultipartForm().field("key", "uploads/exakt.png").field("Content-Type", "image/png").fields(signed(policy))
                .post(action(bucket), "exakt.png", "image/png", ObjectContractTest.png());
        assertEquals(204, r.statusCode(), r.body());
        assertEquals("image/png", s3.headObject(b -> b.bucket(bucket).key("uploads/exakt.png")).contentType());
    }

    @Test
    void fieldsStartingWithXIgnoreNeedNoCondition() throws Exception {
        String bucket = S3Contract.bucket();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket)).field("x-ignore-csrf", "token-från-sidan")
                .post(action(bucket), "ok.png", "image/png", ObjectContractTest.png());
        assertEquals(303, r.statusCode(), r.body());
        s3.headObject(b -> b.bucket(bucket).key("uploads/ok.png"));
    }

    @Test
    void theTaggingFieldBecomesTheObjectsTags() throws Exception {
        String bucket = S3Contract.bucket();
        String tagging = "<Tagging><TagSet><Tag><Key>status</Key><Value>ny</Value></Tag>"
                + "<Tag><Key>kontor</Key><Value>Malmö</Value></Tag></TagSet></Tagging>";
        HttpResponse<String> r = pictureForm(picturePolicy(bucket).exact("tagging", tagging)).field("tagging", tagging)
                .post(action(bucket), "taggad.png", "image/png", ObjectContractTest.png());
        assertEquals(303, r.statusCode(), r.body());
        Map<String, String> tags = s3.getObjectTagging(b -> b.bucket(bucket).key("uploads/taggad.png")).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
        assertEquals(Map.of("status", "ny", "kontor", "Malmö"), tags);
    }

    @Test
    void aContentTypeOutsideItsConditionIsRefused() throws Exception {
        String bucket = S3Contract.bucket();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket)).field("Content-Type", "text/html")
                .post(action(bucket), "skript.png", "text/html", "<script>".getBytes(StandardCharsets.UTF_8));
        assertEquals("Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$Content-Type\", \"image/\"]",
                assertRefused(r, 403, "AccessDenied"));
    }

    @Test
    void anUploadToAMissingBucketIsNoSuchBucket() throws Exception {
        String bucket = S3Contract.uniqueName("saknas");
        HttpResponse<String> r = pictureForm(picturePolicy(bucket)).post(action(bucket), "x.png", "image/png", ObjectContractTest.png());
        assertRefused(r, 404, "NoSuchBucket");
    }

    @Test
    @SkipOnLocalStack("answers a form without a key with 500 InternalError")
    void aFormWithoutAKeyIsInvalidArgument() throws Exception {
        String bucket = S3Contract.bucket();
        HttpResponse<String> r = pictureForm(picturePolicy(bucket)).without("key")
                .post(action(bucket), "x.png", "image/png", ObjectContractTest.png());
        assertRefused(r, 400, "InvalidArgument");
    }
}
