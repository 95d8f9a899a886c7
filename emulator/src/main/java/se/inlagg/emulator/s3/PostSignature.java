package se.inlagg.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a browser upload's Signature Version 4: the signature is HMAC-SHA256 of the base64 policy
 * under the signing key derived from the secret of the credential's access key, its date, region
 * and service ({@code s3}). Unlike other requests, these are checked: the policy is what guards a
 * bucket against whoever has the form.
 */
final class PostSignature {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private final Map<String, String> secrets;

    PostSignature(Map<String, String> secretsByAccessKey) {
        this.secrets = Map.copyOf(secretsByAccessKey);
    }

    /**
     * @param fields the form's fields, names in lower case
     * @throws S3Error InvalidArgument for a missing or malformed field, InvalidAccessKeyId, or SignatureDoesNotMatch
     */
    void verify(Map<String, String> fields) {
        String policy = required(fields, "policy");
        String algorithm = required(fields, "x-amz-algorithm");
        String credential = required(fields, "x-amz-credential");
        required(fields, "x-amz-date");
        String signature = required(fields, "x-amz-signature");
        if (!algorithm.equals(ALGORITHM)) {
            throw S3Error.invalidArgument("Only " + ALGORITHM + " is supported as x-amz-algorithm", "x-amz-algorithm", algorithm);
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || !scope[3].equals("s3") || !scope[4].equals("aws4_request") || !scope[1].matches("\\d{8}")) {
            throw new S3Error(400, "AuthorizationQueryParametersError", "Error parsing the X-Amz-Credential parameter; the Credential is "
                    + "mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        }
        String secret = secrets.get(scope[0]);
        if (secret == null) {
            throw new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
                    .with("AWSAccessKeyId", scope[0]);
        }
        byte[] expected = hmac(signingKey(secret, scope[1], scope[2], scope[3]), policy);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you "
                    + "provided. Check your key and signing method.")
                    .with("AWSAccessKeyId", scope[0]).with("StringToSign", policy).with("SignatureProvided", signature);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw S3Error.invalidArgument("Bucket POST must contain a field named '" + name
                    + "'.  If it is specified, please check the order of the fields.", name, "");
        }
        return value;
    }

    /** SigV4's key derivation: HMAC chained over date, region, service and "aws4_request". */
    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
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
