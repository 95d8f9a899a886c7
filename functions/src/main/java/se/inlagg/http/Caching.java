package se.inlagg.http;

import java.time.Instant;
import java.util.Optional;

/**
 * Cache-Control policies and conditional GETs. Public answers are cached by the CDN for a short
 * while and served stale while it revalidates, so a publish shows within a minute with no
 * invalidation; browsers revalidate each time and get 304 from the ETag.
 */
public final class Caching {

    /** Readers' pages, feeds and public JSON: the CDN keeps 30 s and may serve 30 s more while refreshing. */
    public static final String PUBLIC = "public, max-age=0, s-maxage=30, stale-while-revalidate=30";
    /** Files that never change under their name (a content hash is in it). */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Anything that depends on who asks: only that browser may keep it, and must revalidate. */
    public static final String PRIVATE = "private, no-cache";
    /** Forms, errors, redirects: never stored anywhere. */
    public static final String NO_STORE = "no-store";

    private Caching() {
    }

    /**
     * A public answer with an ETag: of its content unless the handler set one. If the client
     * already has this version (If-None-Match), the answer is 304 with no body.
     */
    public static HttpResponse publicly(HttpRequest request, HttpResponse response) {
        if (request.namesAParameterByAnEscape()) {
            return response.withHeader("cache-control", NO_STORE);
        }
        String etag = response.header("etag");
        if (etag.isEmpty()) {
            etag = ETags.ofContent(response.body());
        }
        HttpResponse tagged = response.withHeader("etag", etag).withHeader("cache-control", PUBLIC);
        return notModified(request, tagged);
    }

    /**
     * What a change answers (a create's 201, an edit's post, a 204) is its author's own, a draft's text
     * included: never stored anywhere, unless its handler says otherwise.
     */
    static HttpResponse unstoredIfAChange(HttpRequest request, HttpResponse response) {
        boolean read = request.isRead();
        return read || !response.header("cache-control").isEmpty() ? response : response.withHeader("cache-control", NO_STORE);
    }

    /**
     * What a 304 carries of the answer it stands for. A browser copies a 304's headers onto the copy it
     * keeps (RFC 9111, 4.3.4), so the page's Content-Security-Policy must come along: without it the edge
     * gives the 304 the policy that allows nothing, and a page revalidated loses its stylesheet and pictures.
     * Vary too, as RFC 9110 asks of a 304.
     */
    private static final String[] KEPT_ON_304 = {"etag", "cache-control", "last-modified", "vary", "content-security-policy", "expires"};

    /**
     * 304 when If-None-Match names the ETag of the representation this request gets (weak comparison, RFC 9110): the
     * gzipped one's when it takes gzip, else the plain one's. A tag of the other is not a match: a cache holding both
     * may send both tags, and uses the stored answer the 304 names (RFC 9111, 4.3.2 and 4.3.4), so a 304 naming the
     * gzipped answer to a request that does not take gzip would have it sent gzip to a client that cannot read it.
     * A client whose Accept-Encoding changed gets the other representation whole, once. Without an If-None-Match,
     * If-Modified-Since is asked ({@link #unchangedSince}).
     */
    public static HttpResponse notModified(HttpRequest request, HttpResponse response) {
        String etag = response.header("etag");
        if (etag.isEmpty()) {
            return response;
        }
        String type = response.header("content-type");
        String selected = Compression.tagFor(request, type, etag);
        Optional<String> ifNoneMatch = request.header("if-none-match");
        if (ifNoneMatch.isPresent() ? ETags.matchesWeakly(ifNoneMatch.get(), selected) : unchangedSince(request, response)) {
            HttpResponse empty = HttpResponse.empty(304);
            for (String kept : KEPT_ON_304) {
                if (!response.header(kept).isEmpty()) {
                    empty = empty.withHeader(kept, response.header(kept));
                }
            }
            // The 200 would have said it varies with Accept-Encoding (Compression adds it to text), and the 304 has no type to tell.
            return Compression.compressible(type)
                    ? empty.withHeader("vary", Compression.vary(empty.header("vary"))).withHeader("etag", selected)
                    : empty;
        }
        return response;
    }

    /**
     * If-Modified-Since on a read (RFC 9110, 13.1.3): unchanged when the answer's Last-Modified is not after the date
     * given, both to the second. Clients and caches that keep only the date revalidate with it alone, and would get the
     * whole answer every time. A value that is no HTTP-date, or several of them, is ignored, as the RFC says;
     * so is one on any other method, which a date cannot make a 304 of, and one later than now: no answer was given then,
     * and a post changed before that date would otherwise stay 304 to that client until the date passed (RFC 7232, 3.3;
     * Apache and nginx do the same).
     */
    private static boolean unchangedSince(HttpRequest request, HttpResponse response) {
        Optional<String> since = request.header("if-modified-since");
        boolean read = request.isRead();
        // Dates are parsed only when both are there: every page answer comes through here, and parsing an absent date
        // tries three formats, each ending in an exception, and loads dozens of classes into the post page's cold start.
        String lastModified = response.header("last-modified");
        if (since.isEmpty() || !read || lastModified.isEmpty()) {
            return false;
        }
        Optional<Instant> modified = HttpDates.parse(lastModified);
        Instant now = Instant.now();
        return modified.isPresent() && since.flatMap(HttpDates::parse)
                .filter(s -> !s.isAfter(now) && !modified.get().isAfter(s)).isPresent();
    }
}
