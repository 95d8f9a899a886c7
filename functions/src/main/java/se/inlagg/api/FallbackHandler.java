package se.inlagg.api;

/**
 * Answers what no operation route matched. API Gateway sends unknown paths to $default (404)
 * and a known path with another method to that path's ANY route (405), so this handler needs
 * no copy of the route table: template.yaml stays its only home.
 */
public final class FallbackHandler extends ApiHandler {

    public FallbackHandler() {
        super(null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return request.routeKey().startsWith("ANY ")
                ? Problems.methodNotAllowed(request.method())
                : Problems.routeNotFound();
    }
}
