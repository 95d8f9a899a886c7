package se.inlagg.web;

import se.inlagg.api.ApiRequest;

/** Absolute addresses for feeds, from the host the request came to (API Gateway's or a custom domain). */
final class SiteUrls {

    private SiteUrls() {
    }

    static String base(ApiRequest request) {
        String host = request.header("host").filter(h -> h.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")).orElse("localhost");
        return (Cookies.https(request) ? "https" : "http") + "://" + host;
    }
}
