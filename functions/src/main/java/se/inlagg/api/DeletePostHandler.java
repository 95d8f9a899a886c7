package se.inlagg.api;

import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

/**
 * DELETE /api/posts/{slug}: removes the post and its list entries and takes it out of its counts in one
 * transaction (its slug's claim stays: the slug is never given again); 204. If-Match (or If-Unmodified-Since)
 * is honoured when sent, so a client can delete only what it saw.
 */
public final class DeletePostHandler extends PostApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        String slug = slug(request);
        return answer(app().posts().delete(slug, PostJson.seen(request), authorId), gone -> HttpResponse.empty(204));
    }
}
