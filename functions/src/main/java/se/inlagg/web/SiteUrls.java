package se.inlagg.web;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
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

    /** Compiled once: every page without SITE_URL checks the host it names in its links. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9.-]{1,253}");

    private SiteUrls() {
    }

    private static boolean hostName(String host) {
        return HOST_NAME.matcher(host).matches();
    }

    static String base(Settings settings, HttpRequest request) {
        return settings.siteUrl().orElseGet(() -> {
            String host = viewerHost(request).orElse(request.domainName());
            return hostName(host) ? "https://" + host : "https://localhost";
        });
    }

    /**
     * The distribution's name the reader used (its own, or the custom domain), as the SiteHost function passes it on:
     * behind CloudFront the request's Host is API Gateway's name, never the one in the browser's address bar.
     */
    static Optional<String> viewerHost(HttpRequest request) {
        return request.header(SITE_HOST).map(String::strip).filter(SiteUrls::hostName).map(h -> h.toLowerCase(Locale.ROOT));
    }

    /**
     * An address as link previews, feed readers and search engines need it: one of the site's own
     * ("/images/…", as uploaded pictures are stored) with the site's address in front; any other as it is.
     */
    static String absolute(String base, String address) {
        return address.startsWith("/") && !address.startsWith("//") ? base + address : address;
    }

    /**
     * Where a browser that has left the site (to upload a file straight to the bucket) is sent back:
     * the configured address, else the distribution's name the reader used (the Host behind CloudFront
     * is API Gateway's, where the browser has no session cookie), else the host and
     * scheme this request came to. Unlike {@link #base},
     * this may follow the request, as it goes only into a form made for this signed-in author and
     * never into anything cached: a forged Host can only misdirect the forger.
     */
    static String origin(Settings settings, HttpRequest request) {
        return settings.siteUrl().orElseGet(() -> viewerHost(request).map(h -> "https://" + h).orElseGet(() -> {
            String host = request.header("host").map(String::strip).filter(h -> h.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?"))
                    .orElse(request.domainName());
            return (request.https() ? "https://" : "http://") + host;
        }));
    }
}
