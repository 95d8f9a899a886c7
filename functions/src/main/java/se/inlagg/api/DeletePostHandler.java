package se.inlagg.api;

import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

/**
 * DELETE /api/posts/{slug}: removes the post, its list entries and its slug claim in one
 * transaction; 204. If-Match is honoured when sent, so a client can delete only what it saw.
 */
public final class DeletePostHandler extends PostApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        String slug = request.pathParameter("slug").orElse("");
        return answer(app().posts().delete(slug, PostJson.seen(request), authorId), gone -> HttpResponse.empty(204));
    }
}
