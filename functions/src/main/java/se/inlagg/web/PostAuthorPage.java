package se.inlagg.web;

import java.util.List;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

/**
 * A page on which the signed-in author works on their own post, the one its path names (edit, preview,
 * publish, delete, picture: /posts/{slug}/edit and the like). Every such request reads the author's
 * session and then the post by its slug: all of it (the session, the slug's claim, the post and body the
 * slug names) is read in one call before the page is handled (Wiring.withSessionAndSlug).
 */
abstract class PostAuthorPage extends PageFunction {

    private final HttpRequest priming;

    /** The page's route: its method and what follows the post's path (edit, preview, …). */
    PostAuthorPage(String method, String action) {
        // Priming asks as a session nobody has, for a post nobody wrote: the session and the post are
        // read together, nothing is found, and the page answers as to anyone signed out.
        this.priming = primingRequest(method, method + " /posts/{slug}/" + action, "/posts/inlagg-priming/" + action)
                .pathParameter("slug", "inlagg-priming").cookie(Cookies.SECURE_NAME + "=inlagg-priming").build();
    }

    @Override
    protected final HttpResponse handleWithin(HttpRequest request) {
        return app().withSessionAndSlug(Cookies.session(request), request.pathParameter("slug"), () -> handle(request));
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(priming);
    }
}
