package se.inlagg.api;

import java.util.Optional;
import se.inlagg.posts.Refusal;

/**
 * DELETE /api/posts/{slug}: removes the post, its tag entries and its slug claim in one
 * transaction; 204. If-Match is honoured when sent, so a client can delete only what it saw.
 */
public final class DeletePostHandler extends ApiHandler {

    public DeletePostHandler() {
        this(Wiring.shared());
    }

    public DeletePostHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String authorId = request.requiredAuthorId();
        String slug = request.pathParameter("slug").orElse("");
        Optional<String> ifMatch = request.header("if-match");
        return answer(wiring.posts().get(slug, Optional.of(authorId)), current -> {
            if (ifMatch.isPresent() && !ETags.matchesStrongly(ifMatch.get(), ETags.of(current.summary()))) {
                return Problems.of(new Refusal.Stale("The post changed since the version in If-Match."));
            }
            Optional<Long> expected = ifMatch.map(h -> current.version());
            return answer(wiring.posts().delete(slug, expected, Optional.of(authorId)), gone -> ApiResponse.empty(204));
        });
    }
}
