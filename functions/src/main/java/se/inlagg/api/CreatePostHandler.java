package se.inlagg.api;

import java.util.List;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.Refusal;

/**
 * POST /api/posts: an author publishes (or saves) a post; 201 with its permalink. With an
 * Idempotency-Key, a retry within 24 hours answers the first post and creates nothing.
 */
public final class CreatePostHandler extends ApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        var body = jsonObject(request);
        var idempotent = IdempotencyKeys.read(request, body);
        var draft = DraftReader.post(body, read -> switch (PostRules.check(read, app().posts().time())) {
            case Outcome.Refused<PostRules.Checked> r when r.refusal() instanceof Refusal.Invalid i -> i.errors();
            default -> List.of();
        });
        return answer(app().posts().create(draft, authorId, idempotent), post -> PostJson.withValidators(
                HttpResponse.json(201, PostJson.post(post)).withHeader("location", "/api/posts/" + post.slug()), post.summary()));
    }
}
