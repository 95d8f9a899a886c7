package se.inlagg.api;

import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.ListQuery;

/**
 * GET /api/me/posts: the calling author's own posts of every status (drafts, scheduled, published),
 * the most recently changed first, a page at a time: what "Mina inlägg" shows.
 */
public final class MyPostsHandler extends ApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        int limit = request.query("limit").map(l -> l.strip().matches("\\d{1,3}") ? Integer.parseInt(l.strip()) : -1)
                .orElse(ListQuery.DEFAULT_LIMIT);
        if (limit < 1 || limit > ListQuery.MAX_LIMIT) {
            throw new ProblemException(Problems.invalid("limit", "must be a whole number from 1 to " + ListQuery.MAX_LIMIT));
        }
        Optional<String> cursor = request.query("cursor").filter(c -> !c.isEmpty());
        if (cursor.orElse("").length() > ListParams.MAX_QUERY_VALUE) {
            throw new ProblemException(Problems.invalid("cursor", "must be at most " + ListParams.MAX_QUERY_VALUE + " characters"));
        }
        return answer(app().posts().authorPosts(authorId, limit, cursor),
                page -> HttpResponse.json(200, PostJson.page(page)).withHeader("cache-control", Caching.PRIVATE));
    }
}
