package se.inlagg.api;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.Problems;
import se.inlagg.posts.Post;

/**
 * GET /api/posts/{slug}: one post, with ETag and Last-Modified; If-None-Match, or without it If-Modified-Since, answers 304.
 * Public, so the authorizer does not run: a draft is shown only when its author's token comes
 * along, checked here with the same code the authorizer uses. A token that is no author's is 401, not
 * read as none: its client is told, rather than answered as a reader.
 */
public final class GetPostHandler extends PostApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<String> token = request.header("authorization").filter(h -> !h.isBlank());
        var reader = token.flatMap(h -> app().authors().authenticate(h));
        if (token.isPresent() && reader.isEmpty()) {
            return errors(request).render(request, Problems.invalidToken()).withHeader("www-authenticate", "Bearer error=\"invalid_token\"");
        }
        String slug = slug(request);
        return answer(app().posts().get(slug, reader), post -> shown(request, post, reader.isPresent()));
    }

    /** The post found, or 304 when the client's copy is still it; {@code withToken}: asked for with an author's token. */
    static HttpResponse shown(HttpRequest request, Post post, boolean withToken) {
        HttpResponse response = PostJson.withValidators(HttpResponse.json(200, PostJson.post(post)), post.summary());
        // Drafts and scheduled posts shown to their author must not be cached for anyone else.
        return Caching.notModified(request, response.withHeader("cache-control", withToken ? Caching.PRIVATE : Caching.PUBLIC));
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingRequest("GET", "GET /api/posts/{slug}", "/api/posts/inlagg-priming")
                .pathParameter("slug", "inlagg-priming").build());
    }
}
