package se.inlagg.http;

/**
 * The headers every answer carries, JSON and files included, set once here at the edge. Pages may
 * set their own Content-Security-Policy; anything else gets one that allows nothing at all.
 */
final class SecurityHeaders {

    /** For answers that are not pages: nothing may be loaded or framed on their account. */
    static final String NOTHING_ALLOWED = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static HttpResponse apply(HttpResponse response) {
        HttpResponse r = response
                .withHeader("x-content-type-options", "nosniff")
                .withHeader("referrer-policy", "strict-origin-when-cross-origin")
                .withHeader("x-frame-options", "DENY")
                .withHeader("strict-transport-security", "max-age=63072000; includeSubDomains");
        if (r.header("content-security-policy").isEmpty()) {
            r = r.withHeader("content-security-policy", NOTHING_ALLOWED);
        }
        return r;
    }
}
