package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.ErrorRenderer;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.JsonErrors;
import se.inlagg.http.Problem;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;

/**
 * Answers what no operation route matched, which API Gateway sends to $default: a path the site has, asked
 * with a method it does not answer, is a 405 naming the methods it does ({@link AllowedMethods}); any other
 * path a 404. Under /api the answer is JSON in the API's error shape; elsewhere a page. One route for all
 * of it, not an ANY route per path: each route is a statement in the function's resource policy, and 48 of
 * them come within a kilobyte of Lambda's 20 KB limit for one, so a longer stack name would fail the deploy.
 */
public final class FallbackHandler extends PageFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<String> withoutSlash = withoutTrailingSlash(request);
        if (withoutSlash.isPresent()) {
            return CanonicalPaths.moved(request, withoutSlash.get());
        }
        Optional<String> allowed = AllowedMethods.at(request.path());
        if (allowed.isEmpty()) {
            throw new ProblemException(Problems.routeNotFound());
        }
        return errors(request).render(request, Problems.methodNotAllowed(request.method())).withHeader("allow", allowed.get());
    }

    /**
     * A page's address with a slash at the end (/tags/frivard/, as people type and some sites link), which no
     * route has: the same address without it, and with the slug in it the page's own ({@link CanonicalPaths}), so one
     * redirect does. Only for pages read (GET, HEAD), never the API's JSON, and only to an address of this site's own
     * ({@link LocalPath}) that a page is read at.
     */
    static Optional<String> withoutTrailingSlash(HttpRequest request) {
        String path = request.path();
        if (!request.routeKey().equals("$default") || !(request.method().equals("GET") || request.method().equals("HEAD"))
                || path.length() < 2 || !path.endsWith("/") || path.startsWith("/api/")) {
            return Optional.empty();
        }
        // Only to an address some page is read at: not /posts/ to /posts, which is none, with the 301 kept a day.
        // Else the 404 at once.
        String without = path.replaceAll("/+$", "");
        if (!AllowedMethods.readAt(without)) {
            return Optional.empty();
        }
        return CanonicalPaths.withQuery(request, CanonicalPaths.of(without));
    }

    @Override
    protected ErrorRenderer errors(HttpRequest request) {
        return request.path().equals("/api") || request.path().startsWith("/api/") ? JsonErrors.INSTANCE : super.errors(request);
    }

    /** Changes nothing, whoever asks: a POST from anywhere gets the 404 or 405 its address and method get. */
    @Override
    protected Optional<Problem> refusedAtTheDoor(HttpRequest request) {
        return Optional.empty();
    }

    @Override
    protected Optional<Viewer> viewer(HttpRequest request) {
        // Reads nothing from the table: the fallback has no permissions and needs none.
        return Optional.empty();
    }

    /** Before a SnapStart snapshot: a page and an API path nobody routes, their 404 page and JSON. */
    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingGet("$default", "/finns-inte"), primingGet("$default", "/api/finns-inte"));
    }

    @Override
    protected boolean readsTable() {
        return false;
    }
}
