package se.inlagg.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Status;

/**
 * GET /api/me/posts: the calling author's own posts of every status (drafts, scheduled, published),
 * the most recently changed first, a page at a time: what "Mina inlägg" shows. ?status=draft or
 * ?status=published narrows it; such a page may hold fewer posts than asked for and still have a
 * next one, as it reads a bounded part of the author's list.
 */
public final class MyPostsHandler extends ApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        List<FieldError> errors = new ArrayList<>();
        int limit = ListParams.limit(request.strictQuery("limit"), ListQuery.DEFAULT_LIMIT, ListQuery.MAX_LIMIT, errors);
        Optional<Status> status = ListParams.status(request.strictQuery("status"), errors);
        Optional<String> cursor = request.strictQuery("cursor").filter(c -> !c.isEmpty());
        ListParams.checkCursor(cursor, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        return answer(app().posts().authorPosts(authorId, status, limit, cursor),
                page -> HttpResponse.json(200, PostJson.page(page)).withHeader("cache-control", Caching.PRIVATE));
    }
}
