package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.DirectionControls;
import se.inlagg.posts.Facet;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostService;

/**
 * GET /feed.xml, and the feed of a category, a person or an office (/tags/{tag}/feed.xml, /people/{person}/feed.xml,
 * /offices/{office}/feed.xml): the newest posts as Atom, with their whole text.
 */
public final class FeedHandler extends PageFunction {

    static final int ENTRIES = 20;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<PostService.InFacet<Outcome<List<Post>>>> inFacet = facetInPath(request, f -> app().posts().latest(Optional.of(f), ENTRIES));
        Optional<Facet> facet = inFacet.map(PostService.InFacet::facet);
        String base = SiteUrls.base(app().settings(), request);
        String title = facet.map(f -> Frame.SITE_NAME + " – " + DirectionControls.isolated(f.name())).orElse(Frame.SITE_NAME);
        String page = base + facet.map(Facet::path).orElse("/");
        // The feed's own address and Atom id from the facet's slug, never as typed (/tags/FRIVARD/feed.xml): one
        // feed, one id, or a reader subscribes to it twice.
        String self = base + facet.flatMap(FeedHandler::link).map(Link::href).orElse("/feed.xml");
        return switch (inFacet.map(PostService.InFacet::value).orElseGet(() -> app().posts().latest(Optional.empty(), ENTRIES))) {
            case Outcome.Refused<List<Post>> r -> throw new ProblemException(Problems.of(r.refusal()));
            case Outcome.Done<List<Post>> d -> Caching.publicly(request, HttpResponse.of(200,
                    "application/atom+xml; charset=utf-8", AtomFeed.of(title, self, page, base, d.value())));
        };
    }

    /**
     * The feed of a category, person or office, as its page links it ("Prenumerera på inlägg av Åsa Öberg"). A month
     * has none: a reader follows what is new, and a month gains a post only when one is dated back into it.
     */
    static Optional<Link> link(Facet facet) {
        String named = switch (facet.kind()) {
            case CATEGORY -> "kategorin " + facet.name();
            case PERSON -> "inlägg av " + facet.name();
            case OFFICE -> "inlägg från " + facet.name();
            case MONTH -> "";
        };
        return named.isEmpty() ? Optional.empty() : Optional.of(new Link(named, facet.path() + "/feed.xml"));
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingGet("GET /feed.xml", "/feed.xml"));
    }
}
