package se.inlagg.api;

/**
 * POST /api/posts: an author publishes (or saves) a post; 201 with its permalink. With an
 * Idempotency-Key, a retry within 24 hours answers the first post and creates nothing.
 */
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
        var body = request.jsonObject();
        var idempotent = IdempotencyKeys.read(request, body);
        var draft = DraftReader.post(body);
        return answer(wiring.posts().create(draft, authorId, idempotent), post -> PostJson.withValidators(
                ApiResponse.json(201, PostJson.post(post)).withHeader("location", "/api/posts/" + post.slug()), post.summary()));
    }
}
