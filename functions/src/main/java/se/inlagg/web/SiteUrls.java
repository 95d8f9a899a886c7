package se.inlagg.web;

import se.inlagg.config.Settings;
import se.inlagg.http.HttpRequest;

/**
 * Absolute addresses (feeds, canonical links) from the configured site address, never from the
 * request's Host header: a forged Host must not rewrite links in an answer a CDN caches for everyone.
 * Without a configured address: the host name CloudFront's viewer-request function passes on (one of
 * the distribution's own names: CloudFront routes no other to it), else API Gateway's own name for
 * the domain it answered on.
 */
final class SiteUrls {

    /** Set by the distribution's SiteHost function (template.yaml). */
    static final String SITE_HOST = "x-inlagg-site-host";

    private SiteUrls() {
    }

    private static boolean hostName(String host) {
        return host.matches("[A-Za-z0-9.-]{1,253}");
    }

    static String base(Settings settings, HttpRequest request) {
        return settings.siteUrl().orElseGet(() -> {
            String host = request.header(SITE_HOST).filter(SiteUrls::hostName).orElse(request.domainName());
            return hostName(host) ? "https://" + host : "https://localhost";
        });
    }
}
