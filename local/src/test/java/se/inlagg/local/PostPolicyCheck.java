package se.inlagg.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What S3 checks of a browser upload before it stores anything, computed here independently of the
 * functions' signer: the SigV4 signature over the base64 policy, its expiry, every condition
 * (exact, starts-with, content-length-range), and that no field goes unnamed by the policy.
 */
final class PostPolicyCheck {

    /** Why S3 refuses the upload: its status, error code and message. */
    record Refusal(int status, String code, String message) {
    }

    /** Fields a policy need not name. */
    private static final Set<String> EXEMPT = Set.of("policy", "x-amz-signature", "file", "bucket");

    private PostPolicyCheck() {
    }

    /** @param fields the form's fields, names in lower case, with "bucket" the bucket of the URL */
    static Optional<Refusal> refusal(Map<String, String> fields, long fileSize, Map<String, String> secrets, Instant now) {
        String policy = fields.get("policy");
        String credential = fields.getOrDefault("x-amz-credential", "");
        String[] scope = credential.split("/");
        if (policy == null || scope.length != 5 || !"AWS4-HMAC-SHA256".equals(fields.get("x-amz-algorithm"))) {
            return Optional.of(new Refusal(400, "InvalidArgument", "Bucket POST must contain a policy, an algorithm and a credential"));
        }
        String secret = secrets.get(scope[0]);
        if (secret == null) {
            return Optional.of(new Refusal(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."));
        }
        if (!signature(secret, scope[1], scope[2], policy).equals(fields.get("x-amz-signature"))) {
            return Optional.of(new Refusal(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided."));
        }
        JsonNode doc;
        try {
            doc = Http.JSON.readTree(Base64.getDecoder().decode(policy));
        } catch (Exception e) {
            return Optional.of(new Refusal(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON."));
        }
        if (!Instant.parse(doc.path("expiration").asText()).isAfter(now)) {
            return Optional.of(new Refusal(403, "AccessDenied", "Invalid according to Policy: Policy expired."));
        }
        Set<String> named = new HashSet<>();
        for (JsonNode c : doc.path("conditions")) {
            if (c.isObject()) {
                var entry = c.properties().iterator().next();
                String field = entry.getKey().toLowerCase(Locale.ROOT);
                named.add(field);
                if (!entry.getValue().asText().equals(fields.get(field))) {
                    return denied("Policy Condition failed: [\"eq\", \"$" + field + "\", \"" + entry.getValue().asText() + "\"]");
                }
            } else if (c.path(0).asText().equals("content-length-range")) {
                if (fileSize < c.path(1).asLong()) {
                    return Optional.of(new Refusal(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size"));
                }
                if (fileSize > c.path(2).asLong()) {
                    return Optional.of(new Refusal(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"));
                }
            } else {
                String field = c.path(1).asText().substring(1).toLowerCase(Locale.ROOT);
                named.add(field);
                String value = fields.get(field);
                boolean ok = c.path(0).asText().equals("starts-with") ? value != null && value.startsWith(c.path(2).asText())
                        : c.path(2).asText().equals(value);
                if (!ok) {
                    return denied("Policy Condition failed: [\"" + c.path(0).asText() + "\", \"$" + field + "\", \"" + c.path(2).asText() + "\"]");
                }
            }
        }
        for (String field : fields.keySet()) {
            if (!EXEMPT.contains(field) && !field.startsWith("x-ignore-") && !named.contains(field)) {
                return denied("Extra input fields: " + field);
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> denied(String why) {
        return Optional.of(new Refusal(403, "AccessDenied", "Invalid according to Policy: " + why));
    }

    static String signature(String secret, String date, String region, String policy) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        for (String part : new String[] {region, "s3", "aws4_request"}) {
            key = hmac(key, part);
        }
        return HexFormat.of().formatHex(hmac(key, policy));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
