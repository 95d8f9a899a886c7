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
        String title = facet.map(FeedHandler::title).orElse(Frame.SITE_NAME);
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
     * The feed of a category, person or office, as its page links it ("Prenumerera på inlägg av Åsa Öberg"; the head's
     * link titles it as a sentence starts, as the feed titles itself: "Inlägg av Åsa Öberg"). A month
     * has none: a reader follows what is new, and a month gains a post only when one is dated back into it.
     */
    static Optional<Link> link(Facet facet) {
        String named = whose(facet, facet.name());
        return named.isEmpty() ? Optional.empty() : Optional.of(new Link(named, facet.path() + "/feed.xml"));
    }

    /**
     * The feed's title, as a reader's list of feeds shows it: "Inlägg i kategorin Frivård", "Inlägg av Åsa Öberg", "Inlägg
     * från Frivården Malmö". "Inlägg – Frivården Malmö" would name a category, a person and an office of one name alike,
     * three feeds a reader could not tell apart.
     */
    static String title(Facet facet) {
        return Views.sentenceStart(whose(facet, DirectionControls.isolated(facet.name())));
    }

    /** "inlägg i kategorin Frivård": the posts of a category, person or office, within a sentence; empty for a month. */
    private static String whose(Facet facet, String name) {
        return switch (facet.kind()) {
            case CATEGORY -> "inlägg i kategorin " + name;
            case PERSON -> "inlägg av " + name;
            case OFFICE -> "inlägg från " + name;
            case MONTH -> "";
        };
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingGet("GET /feed.xml", "/feed.xml"));
    }
}
