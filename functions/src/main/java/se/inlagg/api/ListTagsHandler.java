package se.inlagg.api;

/** GET /api/tags: every tag that has a visible post, with how many. */
public final class ListTagsHandler extends ApiHandler {

    public ListTagsHandler() {
        this(Wiring.shared());
    }

    public ListTagsHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(200, PostJson.tagCounts(wiring.posts().tags()))
                .withHeader("cache-control", "public, max-age=60");
    }
}
