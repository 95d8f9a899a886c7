package se.inlagg.emulator.s3;

/**
 * The conditional headers of a read (RFC 9110 as S3 applies it): If-Match before
 * If-Unmodified-Since, If-None-Match before If-Modified-Since, so a true If-Match wins over a false
 * If-Unmodified-Since and a false If-None-Match with a true If-Modified-Since is still 304.
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * Checks a GET or HEAD's conditions against the object.
     *
     * @return true when the answer is 304 Not Modified
     * @throws S3Error 412 PreconditionFailed
     */
    static boolean notModified(S3Request request, StoredObject object) {
        return evaluate(object, request.header("If-Match"), request.header("If-None-Match"),
                request.header("If-Modified-Since"), request.header("If-Unmodified-Since"), "");
    }

    /** The {@code x-amz-copy-source-if-*} headers of a copy; where a read would answer 304, a copy fails with 412. */
    static void copySource(S3Request request, StoredObject source) {
        String prefix = "x-amz-copy-source-";
        if (evaluate(source, request.header(prefix + "if-match"), request.header(prefix + "if-none-match"),
                request.header(prefix + "if-modified-since"), request.header(prefix + "if-unmodified-since"), prefix)) {
            String which = request.header(prefix + "if-none-match") != null ? "if-none-match" : "if-modified-since";
            throw S3Error.preconditionFailed(prefix + which);
        }
    }

    private static boolean evaluate(StoredObject o, String ifMatch, String ifNoneMatch, String ifModifiedSince,
                                    String ifUnmodifiedSince, String prefix) {
        if (ifMatch != null) {
            if (!etagMatches(ifMatch, o.etag())) {
                throw S3Error.preconditionFailed(prefix.isEmpty() ? "If-Match" : prefix + "if-match");
            }
        } else {
            Long since = Timestamps.parseHttp(ifUnmodifiedSince);
            if (since != null && o.lastModified() > since) {
                throw S3Error.preconditionFailed(prefix.isEmpty() ? "If-Unmodified-Since" : prefix + "if-unmodified-since");
            }
        }
        if (ifNoneMatch != null) {
            return etagMatches(ifNoneMatch, o.etag());
        }
        Long since = Timestamps.parseHttp(ifModifiedSince);
        return since != null && o.lastModified() <= since;
    }

    /** Whether a list of entity tags ({@code "a", W/"b"} or {@code *}) names this ETag; quotes are optional, as S3 allows. */
    static boolean etagMatches(String header, String etag) {
        String bare = unquote(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (unquote(c).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
