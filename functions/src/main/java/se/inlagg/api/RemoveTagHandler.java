package se.inlagg.api;

/** DELETE /api/posts/{slug}/tags/{tag}: takes one tag, named by its slug, off a post. */
public final class RemoveTagHandler extends ApiHandler {

    public RemoveTagHandler() {
        this(Wiring.shared());
    }

    public RemoveTagHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String authorId = request.requiredAuthorId();
        var slug = request.pathParameter("slug").orElse("");
        var tag = request.pathParameter("tag").orElse("");
        return answer(wiring.posts().removeTag(slug, tag, authorId), post -> PostJson.withValidators(ApiResponse.json(200, PostJson.tagsOf(post)), post));
    }
}
