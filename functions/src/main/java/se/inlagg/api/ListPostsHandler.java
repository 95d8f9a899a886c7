package se.inlagg.api;

import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;

/** GET /api/posts: published posts, newest first, a page at a time, by tag and month. */
public final class ListPostsHandler extends ApiHandler {

    public ListPostsHandler() {
        this(Wiring.shared());
    }

    public ListPostsHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        var outcome = ListParams.read(request, wiring.posts())
                .map(wiring.posts()::list)
                .orElseGet(() -> Outcome.done(new Page<>(java.util.List.of(), java.util.Optional.empty())));
        return answer(outcome, page -> ApiResponse.json(200, PostJson.page(page))
                .withHeader("cache-control", "public, max-age=30"));
    }
}
