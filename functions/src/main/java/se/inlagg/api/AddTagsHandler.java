package se.inlagg.api;

/** POST /api/posts/{slug}/tags: adds tags to a post, keeping the ones it has. */
public final class AddTagsHandler extends ApiHandler {

    public AddTagsHandler() {
        this(Wiring.shared());
    }

    public AddTagsHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String authorId = request.requiredAuthorId();
        var names = DraftReader.tagList(request.jsonObject());
        var slug = request.pathParameter("slug").orElse("");
        return answer(wiring.posts().addTags(slug, names, authorId), post -> PostJson.withValidators(ApiResponse.json(200, PostJson.tagsOf(post)), post));
    }
}
