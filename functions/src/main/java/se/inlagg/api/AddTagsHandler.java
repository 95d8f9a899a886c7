package se.inlagg.api;

import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

/** POST /api/posts/{slug}/tags: adds tags to a post, keeping the ones it has; an If-Match, when sent, must name the post as it is. */
public final class AddTagsHandler extends PostApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        return tagsAnswer(app().posts().addTags(slug(request), DraftReader.tagList(jsonObject(request)), PostJson.seen(request), authorId));
    }
}
