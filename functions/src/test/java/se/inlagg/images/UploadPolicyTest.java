package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.json.Json;

class UploadPolicyTest {

    /**
     * AWS's worked example, "Example: Browser-Based Upload using HTTP POST (Using AWS Signature
     * Version 4)" in the S3 API reference: its example credentials, its policy exactly as base64, and
     * the signature it states for them.
     */
    static final String AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String AWS_EXAMPLE_POLICY = "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9";
    static final String AWS_EXAMPLE_SIGNATURE = "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e";

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00.731Z");
    static final UploadPolicy.Signer SIGNER = new UploadPolicy.Signer("AKIAIOSFODNN7EXAMPLE", AWS_EXAMPLE_SECRET,
            Optional.of("sessionstoken-fran-lambda"), Optional.of(NOW.plus(Duration.ofHours(6))), "eu-north-1");

    @Test
    void theSignatureOfAwssDocumentedExampleIsTheOneAwsStates() {
        assertEquals(AWS_EXAMPLE_SIGNATURE, UploadPolicy.signature(AWS_EXAMPLE_SECRET, "20151229", "us-east-1", AWS_EXAMPLE_POLICY));
        assertFalse(AWS_EXAMPLE_SIGNATURE.equals(UploadPolicy.signature(AWS_EXAMPLE_SECRET, "20151229", "eu-north-1", AWS_EXAMPLE_POLICY)),
                "the region is part of the key");
    }

    @Test
    void theFormHoldsTheUploadToTheAuthorsPrefixTenMegabytesImagesAndTheUnattachedTag() {
        UploadForm form = UploadPolicy.form("https://bilder.s3.eu-north-1.amazonaws.com/", "bilder", "uploads/forfattare-1/abc",
                "uploads/forfattare-1/", Optional.of("https://blogg.example.se/posts/fika/image/uploaded?version=3"), SIGNER, NOW);
        Map<String, String> f = form.fields();
        assertEquals(List.of("key", "Content-Type", "success_action_redirect", "tagging", "x-amz-algorithm", "x-amz-credential",
                "x-amz-date", "x-amz-security-token", "policy", "x-amz-signature"), List.copyOf(f.keySet()), "the file comes after these");
        assertEquals("AKIAIOSFODNN7EXAMPLE/20261122/eu-north-1/s3/aws4_request", f.get("x-amz-credential"));
        assertEquals("20261122T080000Z", f.get("x-amz-date"));
        assertEquals(Instant.parse("2026-11-22T09:00:00Z"), form.expiresAt());

        @SuppressWarnings("unchecked")
        Map<String, Object> policy = (Map<String, Object>) Json.read(new String(Base64.getDecoder().decode(f.get("policy")), StandardCharsets.UTF_8));
        assertEquals("2026-11-22T09:00:00.000Z", policy.get("expiration"));
        List<?> conditions = (List<?>) policy.get("conditions");
        assertTrue(conditions.contains(Map.of("bucket", "bilder")));
        assertTrue(conditions.contains(List.of("starts-with", "$key", "uploads/forfattare-1/")));
        // 50 MiB: a file over the site's 10 MB reaches the site, to be refused in Swedish rather than in S3's XML.
        assertTrue(conditions.contains(List.of("content-length-range", 0L, 52_428_800L)) || conditions.contains(List.of("content-length-range", 0, 52_428_800)),
                conditions.toString());
        assertTrue(conditions.contains(List.of("starts-with", "$Content-Type", "image/")));
        assertTrue(conditions.contains(Map.of("tagging", UploadPolicy.UNATTACHED_TAGGING)));
        assertTrue(conditions.contains(Map.of("success_action_redirect", "https://blogg.example.se/posts/fika/image/uploaded?version=3")));
        assertTrue(conditions.contains(Map.of("x-amz-security-token", "sessionstoken-fran-lambda")), "Lambda's credentials are temporary");
        for (String signed : List.of("x-amz-algorithm", "x-amz-credential", "x-amz-date")) {
            assertTrue(conditions.contains(Map.of(signed, f.get(signed))), signed);
        }
        assertEquals(UploadPolicy.signature(AWS_EXAMPLE_SECRET, "20261122", "eu-north-1", f.get("policy")), f.get("x-amz-signature"));
    }

    /** Lambda's credentials are temporary: a form outliving them would meet S3's English "ExpiredToken" page. */
    @Test
    void theFormEndsWhenTheCredentialsSigningItEndIfThatIsSooner() {
        var soon = new UploadPolicy.Signer("ASIAEXAMPLE", AWS_EXAMPLE_SECRET, Optional.of("token"), Optional.of(Instant.parse("2026-11-22T08:20:00.500Z")),
                "eu-north-1");
        UploadForm form = UploadPolicy.form("https://bilder.s3.eu-north-1.amazonaws.com/", "bilder", "uploads/a/b", "uploads/a/", Optional.empty(), soon, NOW);
        assertEquals(Instant.parse("2026-11-22T08:20:00Z"), form.expiresAt(), "what the page says is when S3 stops taking it");
        @SuppressWarnings("unchecked")
        Map<String, Object> policy = (Map<String, Object>) Json.read(new String(Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8));
        assertEquals("2026-11-22T08:20:00.000Z", policy.get("expiration"));
    }

    @Test
    void withoutARedirectOrASessionTokenThoseFieldsAreLeftOut() {
        var signer = new UploadPolicy.Signer("local", "local", Optional.empty(), Optional.empty(), "eu-north-1");
        UploadForm form = UploadPolicy.form("http://127.0.0.1:4566/bilder", "bilder", "uploads/a/b", "uploads/a/", Optional.empty(), signer, NOW);
        assertFalse(form.fields().containsKey("success_action_redirect"));
        assertFalse(form.fields().containsKey("x-amz-security-token"));
        assertFalse(new String(Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8).contains("redirect"));
        assertEquals("http://127.0.0.1:4566/bilder", form.url());
    }
}
