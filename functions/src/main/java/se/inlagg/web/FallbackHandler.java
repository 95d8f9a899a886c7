package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.ErrorRenderer;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.JsonErrors;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;

/**
 * Answers what no operation route matched: API Gateway sends unknown paths to $default (404) and
 * a known path with another method to that path's ANY route (405), so this handler needs no copy
 * of the route table. Under /api the answer is JSON in the API's error shape; elsewhere a page.
 */
public final class FallbackHandler extends PageFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<String> withoutSlash = withoutTrailingSlash(request);
        if (withoutSlash.isPresent()) {
            return HttpResponse.movedPermanently(withoutSlash.get());
        }
        if (!request.routeKey().startsWith("ANY ")) {
            throw new ProblemException(Problems.routeNotFound());
        }
        HttpResponse refused = errors(request).render(request, Problems.methodNotAllowed(request.method()));
        String path = request.routeKey().substring("ANY ".length());
        return Optional.ofNullable(Allowed.METHODS.getProperty(path)).map(methods -> refused.withHeader("allow", methods)).orElse(refused);
    }

    /** What each path answers (allowed-methods.properties, checked against template.yaml): a 405 must say it. */
    private static final class Allowed {
        static final java.util.Properties METHODS = load();

        private static java.util.Properties load() {
            var methods = new java.util.Properties();
            try (var in = FallbackHandler.class.getResourceAsStream("/allowed-methods.properties")) {
                methods.load(java.util.Objects.requireNonNull(in, "allowed-methods.properties is not packaged"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return methods;
        }
    }

    /**
     * A page's address with a slash at the end (/tags/frivard/, as people type and some sites link), which no
     * route has: the same address without it. Only for pages read (GET, HEAD), never the API's JSON, and only
     * to an address of this site's own ({@link LocalPath}).
     */
    static Optional<String> withoutTrailingSlash(HttpRequest request) {
        String path = request.path();
        if (!request.routeKey().equals("$default") || !(request.method().equals("GET") || request.method().equals("HEAD"))
                || path.length() < 2 || !path.endsWith("/") || path.startsWith("/api/")) {
            return Optional.empty();
        }
        String trimmed = path.replaceAll("/+$", "");
        return LocalPath.of(trimmed + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
    }

    @Override
    protected ErrorRenderer errors(HttpRequest request) {
        return request.path().equals("/api") || request.path().startsWith("/api/") ? JsonErrors.INSTANCE : super.errors(request);
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
