package se.inlagg.web;

import se.inlagg.config.Settings;
import se.inlagg.http.HttpRequest;

/**
 * Absolute addresses (feeds, canonical links) from the configured site address, never from the
 * request's Host header: a forged Host must not rewrite links in an answer a CDN caches for everyone.
 * Without a configured address, API Gateway's own name for the domain it answered on is used.
 */
final class SiteUrls {

    private SiteUrls() {
    }

    static String base(Settings settings, HttpRequest request) {
        return settings.siteUrl().orElseGet(() -> {
            String domain = request.domainName();
            return domain.matches("[A-Za-z0-9.-]{1,253}") ? "https://" + domain : "https://localhost";
        });
    }

    /**
     * Where a browser that has left the site (to upload a file straight to the bucket) is sent back:
     * the configured address, or else the host and scheme this request came to. Unlike {@link #base},
     * this may follow the request, as it goes only into a form made for this signed-in author and
     * never into anything cached: a forged Host can only misdirect the forger.
     */
    static String origin(Settings settings, HttpRequest request) {
        return settings.siteUrl().orElseGet(() -> {
            String host = request.header("host").map(String::strip).filter(h -> h.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?"))
                    .orElse(request.domainName());
            return (request.https() ? "https://" : "http://") + host;
        });
    }
}
