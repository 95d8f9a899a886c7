package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.web.templates.JtepostGenerated;

/** GET /posts/{slug}: one post; its author also sees it while it is a draft or scheduled. */
public final class PostPageHandler extends PageFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        String slug = request.pathParameter("slug").orElse("");
        return switch (app().posts().get(slug, viewer.map(Viewer::authorId))) {
            case Outcome.Refused<Post> r -> throw new ProblemException(Problems.of(r.refusal()));
            case Outcome.Done<Post> d -> {
                Post post = d.value();
                var posts = app().posts();
                PostView view = Views.post(post, posts.time().zone(), posts.time().now());
                String base = SiteUrls.base(app().settings(), request);
                Frame frame = frame(post.summary().title(), post.summary().excerpt(),
                        Optional.of(base + Views.postPath(post.slug())), List.of(new Link("Alla inlägg", "/feed.xml")), viewer);
                yield page(request, 200, frame, Templates.render(out -> JtepostGenerated.render(out, null, frame, view, null)));
            }
        };
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(HttpRequest.builder().method("GET").routeKey("GET /posts/{slug}").path("/posts/inlagg-priming")
                .pathParameter("slug", "inlagg-priming").requestId("priming").build());
    }
}
