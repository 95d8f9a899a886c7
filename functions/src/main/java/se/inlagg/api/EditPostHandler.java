package se.inlagg.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.Refusal;

/**
 * PATCH /api/posts/{slug}: a JSON merge patch of the create fields. It needs If-Match with the
 * post's ETag: without it 428, with an old one 412, and nothing changes.
 */
public final class EditPostHandler extends ApiHandler {

    public EditPostHandler() {
        this(Wiring.shared());
    }

    public EditPostHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String authorId = request.requiredAuthorId();
        String ifMatch = request.header("if-match").orElseThrow(() -> new ProblemException(Problems.preconditionRequired()));
        ObjectNode patch = request.jsonObject();
        String slug = request.pathParameter("slug").orElse("");
        return answer(wiring.posts().get(slug, Optional.of(authorId)), current -> {
            if (!ETags.matchesStrongly(ifMatch, ETags.of(current.summary()))) {
                return Problems.of(new Refusal.Stale("The post changed since the version in If-Match."));
            }
            var draft = DraftReader.post(merged(current, patch));
            return answer(wiring.posts().edit(current, draft),
                    post -> PostJson.withValidators(ApiResponse.json(200, PostJson.post(post)), post.summary()));
        });
    }

    /** The patch applied to the post; an excerpt made from the old body is made again from the new. */
    private static ObjectNode merged(Post current, ObjectNode patch) {
        ObjectNode merged = MergePatch.apply(PostJson.createFields(current), patch);
        boolean derived = current.summary().excerpt().equals(PostRules.excerptOf(current.body()));
        if (derived && patch.has("body") && !patch.has("excerpt")) {
            merged.remove("excerpt");
        }
        return merged;
    }
}
