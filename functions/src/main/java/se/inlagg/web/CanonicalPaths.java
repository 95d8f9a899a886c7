package se.inlagg.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Facet;
import se.inlagg.posts.Slugs;

/**
 * The own address of a reader's page whose slug came typed another way: in capitals, or with the title's or the name's
 * own letters (/posts/MANADSMOTE, /tags/Frivård). Both redirects that lead to a page, a post's from its address typed so
 * and the fallback's from an address with a slash at the end, send the reader straight there: /posts/Tag-Odd/ in one
 * redirect, not one for the slash and then one for the capitals, and /tags/Frivård/ to the category.
 */
final class CanonicalPaths {

    private CanonicalPaths() {
    }

    /**
     * The path with its slug as the page's own links write it, when it is a post's page or a category's, person's or
     * office's page or feed and the slug makes one; any other path as it is.
     */
    static String of(String path) {
        String[] segments = path.split("/", -1);
        if (segments.length < 3 || !segments[0].isEmpty()) {
            return path;
        }
        Optional<String> slug = Optional.empty();
        if (segments.length == 3 && segments[1].equals("posts")) {
            slug = postSlug(decoded(segments[2]));
        } else if (namedFacet(segments[1]) && (segments.length == 3 || (segments.length == 4 && segments[3].equals("feed.xml")))) {
            // As the page finds its facet (PostService.inVisibleFacet), so the address sent to shows the same posts.
            slug = Optional.of(Facet.slugOf(decoded(segments[2]))).filter(Slugs::isSlug);
        }
        if (slug.isEmpty()) {
            return path;
        }
        segments[2] = slug.get();
        return String.join("/", segments);
    }

    /**
     * Whether a path's first segment starts a category's, person's or office's pages and feed ({@code /tags/{tag}},
     * {@code /tags/{tag}/feed.xml}), as {@link Facet.Kind#path} names them; a month's address is a month, no slug of a name.
     */
    private static boolean namedFacet(String first) {
        for (Facet.Kind kind : Facet.Kind.values()) {
            if (kind != Facet.Kind.MONTH && kind.path().equals("/" + first + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A segment's text. API Gateway hands the path over decoded, the local server as the client sent it, percent-encoded
     * (/tags/Friv%C3%A5rd/): its slug is the same either way. A "+" read as a space makes the same slug, neither being a
     * letter; a broken escape is taken as it came.
     */
    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** The slug a post's address stands for, typed in capitals or with the title's letters; empty when it makes none. */
    static Optional<String> postSlug(String typed) {
        // A slug is the title in lowercase ASCII, so the address typed is this one.
        return Optional.of(Slugs.of(typed)).filter(Slugs::isSlug);
    }

    /** Where to send a page read at another address: this path with the query it came with, if that is an address of the site's own. */
    static Optional<String> withQuery(HttpRequest request, String path) {
        return LocalPath.of(path + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
    }

    /**
     * The permanent redirect to a page's own address, with the query it came with. Kept a day where it came with none;
     * with one, stored nowhere: the edge keys a page by the query parameters it reads (posts by none), so the first
     * reader's ?utm_source=… or made-up parameter would otherwise be where the redirect sends everyone for a day (found by
     * a review).
     */
    static HttpResponse moved(HttpRequest request, String location) {
        HttpResponse moved = HttpResponse.movedPermanently(location);
        return request.rawQuery().isEmpty() ? moved : moved.withHeader("cache-control", Caching.NO_STORE);
    }
}
