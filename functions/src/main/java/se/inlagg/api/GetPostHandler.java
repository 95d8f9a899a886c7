package se.inlagg.api;

/**
 * GET /api/posts/{slug}: one post. Public, so the authorizer does not run; a draft is shown only
 * when its author's token comes along, checked here with the same code the authorizer uses.
 */
public final class GetPostHandler extends ApiHandler {

    public GetPostHandler() {
        this(Wiring.shared());
    }

    public GetPostHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        var reader = request.header("authorization").flatMap(wiring.authors()::authenticate);
        String slug = request.pathParameter("slug").orElse("");
        return answer(wiring.posts().get(slug, reader), post -> ApiResponse.json(200, PostJson.post(post))
                .withHeader("cache-control", reader.isPresent() ? "private, no-cache" : "public, max-age=60"));
    }
}
