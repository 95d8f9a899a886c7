package se.inlagg.api;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;

/** GET /api/posts: published posts, newest first, a page at a time, by category and month. */
public final class ListPostsHandler extends ApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var outcome = ListParams.read(request)
                .map(app().posts()::list)
                .orElseGet(() -> Outcome.done(new Page<>(List.of(), Optional.empty())));
        return answer(outcome, page -> Caching.publicly(request, HttpResponse.json(200, PostJson.page(page))));
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingGet("GET /api/posts", "/api/posts"));
    }
}
