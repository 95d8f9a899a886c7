package se.inlagg.api;

/**
 * GET /api/posts/{slug}: one post, with ETag and Last-Modified; If-None-Match answers 304.
 * Public, so the authorizer does not run: a draft is shown only when its author's token comes
 * along, checked here with the same code the authorizer uses.
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
        // Drafts and scheduled posts shown to their author must not be cached for anyone else.
        String caching = reader.isPresent() ? "private, no-cache" : "public, max-age=60";
        return answer(wiring.posts().get(slug, reader), post -> {
            String etag = ETags.of(post.summary());
            ApiResponse response = request.header("if-none-match").filter(h -> ETags.matchesWeakly(h, etag)).isPresent()
                    ? ApiResponse.empty(304)
                    : ApiResponse.json(200, PostJson.post(post));
            return PostJson.withValidators(response, post.summary()).withHeader("cache-control", caching);
        });
    }
}
