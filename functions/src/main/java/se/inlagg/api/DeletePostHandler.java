package se.inlagg.api;

import java.util.Optional;
import se.inlagg.http.ETags;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Refusal;

/**
 * DELETE /api/posts/{slug}: removes the post, its list entries and its slug claim in one
 * transaction; 204. If-Match is honoured when sent, so a client can delete only what it saw.
 */
public final class DeletePostHandler extends ApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        String slug = request.pathParameter("slug").orElse("");
        Optional<String> ifMatch = request.header("if-match");
        return answer(app().posts().get(slug, Optional.of(authorId)), current -> {
            if (ifMatch.isPresent() && !ETags.matchesStrongly(ifMatch.get(), PostJson.etag(current.summary()))) {
                throw new ProblemException(Problems.of(new Refusal.Stale()));
            }
            Optional<Long> expected = ifMatch.map(h -> current.version());
            return answer(app().posts().delete(slug, expected, authorId), gone -> HttpResponse.empty(204));
        });
    }
}
