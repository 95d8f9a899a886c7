package se.inlagg.api;

import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

/** DELETE /api/posts/{slug}/tags/{tag}: takes one tag, named by its slug, off a post; an If-Match, when sent, must name the post as it is. */
public final class RemoveTagHandler extends PostApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        return tagsAnswer(app().posts().removeTag(slug(request), request.pathParameter("tag").orElse(""), PostJson.seen(request), authorId));
    }
}
