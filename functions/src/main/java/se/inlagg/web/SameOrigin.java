package se.inlagg.web;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import se.inlagg.config.Settings;
import se.inlagg.http.HttpRequest;

/**
 * Whether a form's POST comes from a page of this site, by what the browser itself says: its
 * Sec-Fetch-Site, and its Origin against the site's address. Browsers set both and no page can
 * forge them; a client that sends neither (an old browser, curl) is left to the form's token.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean allows(HttpRequest request, Settings settings) {
        return allows(request, () -> settings);
    }

    /** The same, reading the settings only when an Origin must be compared with the site's (the fallback has no table to name). */
    static boolean allows(HttpRequest request, Supplier<Settings> settings) {
        Optional<String> site = request.header("sec-fetch-site").map(s -> s.strip().toLowerCase(Locale.ROOT));
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            return false;
        }
        Optional<String> origin = request.header("origin").map(o -> o.strip().toLowerCase(Locale.ROOT));
        return origin.isEmpty() || origins(request, settings.get()).contains(origin.get());
    }

    /**
     * Whether the browser says outright that the request comes from this site (Sec-Fetch-Site "same-origin",
     * or an Origin of the site's), not merely says nothing, as {@link #allows} lets pass for the form's token
     * to decide.
     */
    static boolean vouches(HttpRequest request, Settings settings) {
        boolean sameSite = request.header("sec-fetch-site").map(s -> s.strip().toLowerCase(Locale.ROOT)).filter("same-origin"::equals).isPresent();
        return allows(request, settings) && (sameSite || request.header("origin").isPresent());
    }

    /**
     * The site's own origins: its configured address, the distribution's name the reader used (behind
     * CloudFront, where the Host is API Gateway's: without it every form and the sign-in would be
     * refused on a stack deployed without a custom domain), and the host the request came
     * to (API Gateway's domain, or the local server's host and port), in the scheme it came over. No
     * other site's page can set the distribution's header on a browser's form.
     */
    private static Set<String> origins(HttpRequest request, Settings settings) {
        Set<String> origins = new HashSet<>();
        settings.siteUrl().ifPresent(u -> origins.add(u.toLowerCase(Locale.ROOT)));
        SiteUrls.viewerHost(request).ifPresent(h -> origins.add("https://" + h));
        String scheme = request.https() ? "https://" : "http://";
        request.header("host").ifPresent(h -> origins.add(scheme + h.strip().toLowerCase(Locale.ROOT)));
        if (!request.domainName().isEmpty()) {
            origins.add("https://" + request.domainName().toLowerCase(Locale.ROOT));
        }
        return origins;
    }
}
