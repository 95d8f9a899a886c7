package se.inlagg.api;

import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

/**
 * PUT /api/posts/{slug}/tags: the post's tags become exactly the list given. An If-Match, when sent, must
 * name the post as it is: a client that read the tags, changed them and puts them back loses nobody else's.
 */
public final class ReplaceTagsHandler extends PostApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        return tagsAnswer(app().posts().replaceTags(slug(request), DraftReader.tagList(jsonObject(request)), PostJson.seen(request), authorId));
    }
}
