package se.inlagg.web;

import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;
import se.inlagg.api.Problems;

/**
 * Answers what no operation route matched: API Gateway sends unknown paths to $default (404) and
 * a known path with another method to that path's ANY route (405), so this handler needs no copy
 * of the route table. Under /api the answer is JSON in our error shape; elsewhere it is a page.
 */
public final class FallbackHandler extends PageHandler {

    public FallbackHandler() {
        super(null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return request.routeKey().startsWith("ANY ")
                ? Problems.methodNotAllowed(request.method())
                : Problems.routeNotFound();
    }

    @Override
    protected ApiResponse finish(ApiRequest request, ApiResponse response) {
        return request.path().startsWith("/api/") || request.path().equals("/api") ? response : super.finish(request, response);
    }

    @Override
    protected java.util.Optional<Viewer> viewer(ApiRequest request) {
        // Reads nothing from the table: the fallback has no permissions and needs none.
        return java.util.Optional.empty();
    }
}
