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
}
