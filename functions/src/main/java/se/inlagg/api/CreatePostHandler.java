package se.inlagg.api;

/** POST /api/posts: an author publishes (or saves) a post; 201 with its permalink. */
public final class CreatePostHandler extends ApiHandler {

    public CreatePostHandler() {
        this(Wiring.shared());
    }

    public CreatePostHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String authorId = request.requiredAuthorId();
        var draft = DraftReader.post(request.jsonObject());
        return answer(wiring.posts().create(draft, authorId), post ->
                ApiResponse.json(201, PostJson.post(post)).withHeader("location", "/api/posts/" + post.slug()));
    }
}
