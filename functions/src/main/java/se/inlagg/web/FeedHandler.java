package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Facet;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostService;
import se.inlagg.posts.Refusal;

/** GET /feed.xml and GET /tags/{tag}/feed.xml: the newest posts as Atom, with their whole text. */
public final class FeedHandler extends PageFunction {

    static final int ENTRIES = 20;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<PostService.InFacet<Outcome<List<Post>>>> inCategory = request.pathParameter("tag").map(slug -> app().posts()
                .inVisibleFacet(Facet.Kind.CATEGORY, slug, c -> app().posts().latest(Optional.of(c), ENTRIES))
                .orElseThrow(() -> new ProblemException(Problems.of(new Refusal.NotFound(Refusal.Missing.CATEGORY)))));
        Optional<Facet> category = inCategory.map(PostService.InFacet::facet);
        String base = SiteUrls.base(app().settings(), request);
        String title = category.map(c -> Frame.SITE_NAME + " – " + c.name()).orElse(Frame.SITE_NAME);
        String page = base + category.map(Facet::path).orElse("/");
        // The feed's own address and Atom id from the category's slug, never as typed (/tags/FRIVARD/feed.xml): one
        // feed, one id, or a reader subscribes to it twice.
        String self = base + category.map(c -> c.path() + "/feed.xml").orElse("/feed.xml");
        return switch (inCategory.map(PostService.InFacet::value).orElseGet(() -> app().posts().latest(Optional.empty(), ENTRIES))) {
            case Outcome.Refused<List<Post>> r -> throw new ProblemException(Problems.of(r.refusal()));
            case Outcome.Done<List<Post>> d -> Caching.publicly(request, HttpResponse.of(200,
                    "application/atom+xml; charset=utf-8", AtomFeed.of(title, self, page, base, d.value(), app().posts().time().now())));
        };
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingGet("GET /feed.xml", "/feed.xml"));
    }
}
