package se.inlagg.emulator.s3;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered as S3 answers it: a status, an {@code <Error>} body with S3's code and message,
 * and the extra elements S3 adds for that code (the key, the bucket, the condition that failed), so
 * that SDKs map it to the same exception and people read the same words.
 */
final class S3Error extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> details = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    S3Error(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** Adds an element after {@code <Message>}. */
    S3Error with(String element, Object value) {
        details.put(element, String.valueOf(value));
        return this;
    }

    S3Error header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body(String requestId) {
        XmlWriter xml = new XmlWriter().open("Error", false).element("Code", code).element("Message", getMessage());
        details.forEach(xml::element);
        return xml.element("RequestId", requestId).element("HostId", requestId).close().bytes();
    }

    static S3Error noSuchBucket(String bucket) {
        return new S3Error(404, "NoSuchBucket", "The specified bucket does not exist").with("BucketName", bucket);
    }

    static S3Error noSuchKey(String key) {
        return new S3Error(404, "NoSuchKey", "The specified key does not exist.").with("Key", key);
    }

    static S3Error invalidArgument(String message, String name, String value) {
        S3Error e = new S3Error(400, "InvalidArgument", message).with("ArgumentName", name);
        return value == null ? e : e.with("ArgumentValue", value);
    }

    static S3Error invalidRequest(String message) {
        return new S3Error(400, "InvalidRequest", message);
    }

    static S3Error malformedXml() {
        return new S3Error(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    static S3Error accessDenied(String message) {
        return new S3Error(403, "AccessDenied", message);
    }

    static S3Error preconditionFailed(String condition) {
        return new S3Error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold")
                .with("Condition", condition);
    }

    static S3Error notImplemented(String header) {
        return new S3Error(501, "NotImplemented", "A header you provided implies functionality that is not implemented")
                .with("Header", header);
    }

    static S3Error entityTooLarge(long proposed, long max) {
        S3Error e = new S3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
        if (proposed >= 0) {
            e.with("ProposedSize", proposed);
        }
        return e.with("MaxSizeAllowed", max);
    }

    static S3Error internal(String message) {
        return new S3Error(500, "InternalError", message);
    }
}
