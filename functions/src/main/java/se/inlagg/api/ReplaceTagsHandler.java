package se.inlagg.api;

/** PUT /api/posts/{slug}/tags: the post's tags become exactly the list given. */
public final class ReplaceTagsHandler extends ApiHandler {

    public ReplaceTagsHandler() {
        this(Wiring.shared());
    }

    public ReplaceTagsHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String authorId = request.requiredAuthorId();
        var names = DraftReader.tagList(request.jsonObject());
        var slug = request.pathParameter("slug").orElse("");
        return answer(wiring.posts().replaceTags(slug, names, authorId), post -> PostJson.withValidators(ApiResponse.json(200, PostJson.tagsOf(post)), post));
    }
}
