package se.inlagg.emulator.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * A presigned POST built as the application builds one: a policy of conditions (the bucket, the
 * key's prefix, the SigV4 fields, a size range, whatever else the form will carry), base64-encoded
 * and signed with the SigV4 signing key. The key derivation is the SDK's own, so a mistake in the
 * emulator's copy of it cannot hide behind the same mistake here.
 */
final class PresignedPost {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** ISO 8601 with milliseconds, as AWS's examples write a policy's expiration. */
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ArrayNode conditions = JSON.createArrayNode();
    private Instant expiration = Instant.now().plusSeconds(600);
    private Instant signedAt = Instant.now();

    PresignedPost expiringAt(Instant when) {
        this.expiration = when;
        return this;
    }

    PresignedPost signedAt(Instant when) {
        this.signedAt = when;
        return this;
    }

    /** {@code {"field": "value"}} */
    PresignedPost exact(String field, String value) {
        conditions.addObject().put(field, value);
        return this;
    }

    /** {@code ["starts-with", "$field", "prefix"]} */
    PresignedPost startsWith(String field, String prefix) {
        conditions.addArray().add("starts-with").add("$" + field).add(prefix);
        return this;
    }

    /** {@code ["eq", "$field", "value"]} */
    PresignedPost eq(String field, String value) {
        conditions.addArray().add("eq").add("$" + field).add(value);
        return this;
    }

    PresignedPost lengthRange(long min, long max) {
        conditions.addArray().add("content-length-range").add(min).add(max);
        return this;
    }

    /**
     * The form fields the application puts in the page: policy, algorithm, credential, date and
     * signature (the policy names the three SigV4 fields, as every form field must be named).
     */
    Map<String, String> sign(String accessKey, String secret, Region region) {
        CredentialScope scope = new CredentialScope(region.id(), "s3", signedAt);
        AwsCredentialsIdentity credentials = AwsCredentialsIdentity.create(accessKey, secret);
        String credential = scope.scope(credentials);
        String date = AMZ_DATE.format(signedAt);
        ArrayNode all = conditions.deepCopy();
        all.addObject().put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        all.addObject().put("x-amz-credential", credential);
        all.addObject().put("x-amz-date", date);
        ObjectNode policy = JSON.createObjectNode().put("expiration", EXPIRATION.format(expiration));
        policy.set("conditions", all);
        String encoded = Base64.getEncoder().encodeToString(policy.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("policy", encoded);
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", date);
        fields.put("x-amz-signature", HexFormat.of().formatHex(hmacSha256(SignerUtils.deriveSigningKey(credentials, scope), encoded)));
        return fields;
    }

    private static byte[] hmacSha256(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
