package se.inlagg.images;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.inlagg.json.Json;

/**
 * A presigned POST policy for a browser upload, signed with Signature Version 4 (the AWS SDK for
 * Java 2 presigns GET and PUT, not POST). The policy holds the upload to the author's prefix, at
 * most {@link #ACCEPTED_BYTES}, an image/ content type, the tag that marks it unattached and, for the pages,
 * the address S3 redirects to afterwards; S3 checks every condition and refuses anything else.
 */
public final class UploadPolicy {

    /** The largest picture the site takes: a bigger upload is deleted and refused, in Swedish. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /**
     * The widest or highest picture the site takes, in pixels. A PNG's header may claim up to 2^31 - 1 a
     * side in a few bytes: such a file is no photo a browser can show (it decodes to gigabytes, or not at
     * all), and its size, written on the page, would stretch the post. A panorama from a phone is under
     * 20,000 pixels wide; a JPEG cannot be over 65,535.
     */
    public static final int MAX_SIDE_PIXELS = 30_000;
    /** The most pixels a picture may have, 100 megapixels: a phone's largest photos have half that. */
    public static final long MAX_PIXELS = 100_000_000L;
    /**
     * The largest upload the bucket stores at all. Above {@link #MAX_BYTES}, so that a camera's 12 or 25 MB
     * photo reaches the site and its author is told in Swedish to pick a smaller one; S3's own refusal of
     * a bigger file is an XML page in English, with no way back to the form. It is stored for the moment
     * the site takes to read its first bytes and delete it (the lifecycle's two days if the author never comes back).
     */
    public static final long ACCEPTED_BYTES = 50L * 1024 * 1024;
    /**
     * How long the form may wait for its file. An hour: an author who leaves the page to find a picture, or for a
     * meeting, would otherwise meet S3's English "Policy expired" page.
     */
    public static final Duration LIFETIME = Duration.ofHours(1);
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** Until a post shows it, a file is unattached: the bucket's lifecycle removes such files after two days. */
    static final String UNATTACHED_TAGGING = "<Tagging><TagSet><Tag><Key>state</Key><Value>unattached</Value></Tag></TagSet></Tagging>";
    /**
     * Without JavaScript the page cannot know the file's type before it is sent, so the form says only
     * "an image"; the type that counts is read from the file's bytes, and the copy a post shows gets it.
     */
    static final String ANY_IMAGE = "image/*";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /**
     * The signer's identity: its key, the session token that temporary credentials (Lambda's) carry, and
     * when those credentials expire, if they say so: a form signed with them is refused by S3 from then on.
     */
    public record Signer(String accessKeyId, String secretAccessKey, Optional<String> sessionToken, Optional<Instant> expiresAt, String region) {
        @Override
        public String toString() {
            return "Signer[" + accessKeyId + ", " + region + "]";
        }
    }

    private UploadPolicy() {
    }

    /**
     * The form for one upload.
     *
     * @param url      where the browser posts (the bucket's address, path-style for a local endpoint)
     * @param redirect where S3 sends the browser afterwards (303, with bucket, key and etag appended);
     *                 empty for API clients, which get S3's 204
     */
    public static UploadForm form(String url, String bucket, String key, String keyPrefix, Optional<String> redirect, Signer signer,
                                  Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        String date = SCOPE_DATE.format(at);
        String credential = signer.accessKeyId() + "/" + date + "/" + signer.region() + "/s3/aws4_request";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", ANY_IMAGE);
        redirect.ifPresent(r -> fields.put("success_action_redirect", r));
        fields.put("tagging", UNATTACHED_TAGGING);
        fields.put("x-amz-algorithm", ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", AMZ_DATE.format(at));
        signer.sessionToken().ifPresent(t -> fields.put("x-amz-security-token", t));

        List<Object> conditions = new ArrayList<>();
        conditions.add(Map.of("bucket", bucket));
        conditions.add(List.of("starts-with", "$key", keyPrefix));
        // From 0 and past MAX_BYTES: an empty or too big file is then told apart by the site, in Swedish
        // ("Filen är tom", "Bilden är större än 10 MB"), not by S3's XML EntityTooSmall or EntityTooLarge.
        conditions.add(List.of("content-length-range", 0, ACCEPTED_BYTES));
        conditions.add(List.of("starts-with", "$Content-Type", "image/"));
        fields.forEach((name, value) -> {
            if (!name.equals("key") && !name.equals("Content-Type")) {
                conditions.add(Map.of(name, value));
            }
        });
        Map<String, Object> policy = new LinkedHashMap<>();
        // Never past the credentials' own end: S3 refuses a form whose token has expired with an English
        // "ExpiredToken" page, so the time the page promises would be wrong.
        Instant expires = signer.expiresAt().map(e -> e.truncatedTo(ChronoUnit.SECONDS)).filter(e -> e.isBefore(at.plus(LIFETIME)))
                .orElse(at.plus(LIFETIME));
        policy.put("expiration", EXPIRATION.format(expires));
        policy.put("conditions", conditions);
        String encoded = Base64.getEncoder().encodeToString(Json.write(policy).getBytes(StandardCharsets.UTF_8));
        fields.put("policy", encoded);
        fields.put("x-amz-signature", signature(signer.secretAccessKey(), date, signer.region(), encoded));
        return new UploadForm(url, fields, key, expires);
    }

    /** SigV4 for a POST policy: the string to sign is the base64 policy itself, under the S3 signing key. */
    static String signature(String secretAccessKey, String date, String region, String base64Policy) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, base64Policy));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
