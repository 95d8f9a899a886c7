package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Surroundings;
import se.inlagg.posts.Tag;
import se.inlagg.web.templates.JtepostGenerated;

/**
 * GET /posts/{slug}: one post, with the next newer and older posts and a few that share its
 * categories; its author also sees it while it is a draft or scheduled. It presents itself to link
 * previews and search engines (Open Graph, JSON-LD BlogPosting) with its own picture when it has one.
 */
public final class PostPageHandler extends PageFunction {

    /** Enough to offer a way on, few enough to stay a footnote: one Query for each of up to three categories. */
    static final int RELATED = 3;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        String slug = request.pathParameter("slug").orElse("");
        return switch (app().posts().get(slug, viewer.map(Viewer::authorId))) {
            case Outcome.Refused<Post> r -> throw new ProblemException(Problems.of(r.refusal()));
            case Outcome.Done<Post> d -> {
                Post post = d.value();
                var posts = app().posts();
                Surroundings around = posts.around(post.summary(), RELATED);
                PostView view = Views.post(post, posts.time().zone(), posts.time().now(), around.neighbours(), around.related());
                Frame frame = Frame.shared(post.summary().title(), post.summary().excerpt(), sharing(post.summary(), base(request)),
                        List.of(new Link("Alla inlägg", "/feed.xml")), viewer);
                yield page(request, 200, frame, Templates.render(out -> JtepostGenerated.render(out, null, frame, view, null)));
            }
        };
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(HttpRequest.builder().method("GET").routeKey("GET /posts/{slug}").path("/posts/inlagg-priming")
                .pathParameter("slug", "inlagg-priming").requestId("priming").build());
    }

    static Sharing sharing(PostSummary s, String base) {
        String url = base + Views.postPath(s.slug());
        return new Sharing(url, "article", s.image().map(i -> new Sharing.Picture(i.url(), i.alt())),
                Optional.of(se.inlagg.posts.SiteTime.format(s.publishedAt())), Optional.of(se.inlagg.posts.SiteTime.format(s.updatedAt())),
                s.tags().stream().map(Tag::name).toList(), Optional.of(JsonLd.blogPosting(s, url, base)));
    }
}
