package se.inlagg.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Ids;
import se.inlagg.posts.Image;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Status;
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

    /** A post nobody has: what priming asks for. */
    private static final String PRIMING_SLUG = "inlagg-priming";
    private static final HttpRequest PRIMING = primingRequest("GET", "GET /posts/{slug}", "/posts/" + PRIMING_SLUG)
            .pathParameter("slug", PRIMING_SLUG).build();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        String slug = slug(request);
        Optional<String> canonical = CanonicalPaths.postSlug(slug).filter(c -> !c.equals(slug));
        Post post = found(canonical.orElse(slug), viewer);
        if (canonical.isPresent()) {
            // A post's address typed or linked in capitals (/posts/MANADSMOTE) or with its title's letters
            // (/posts/månadsmöte-i-västervik), as a category's address is.
            // Its query goes along, as from an address with a slash at the end; one that is no address of ours does not.
            // Only to a post there is: /posts/Finns-Inte, /posts/x.html are not sent on, for a day, to a 404.
            String own = Views.postPath(canonical.get());
            HttpResponse moved = CanonicalPaths.moved(request, CanonicalPaths.withQuery(request, own).orElse(own));
            // Sent on because this viewer may read the post, perhaps a draft of their own: never stored, so never followed
            // past a sign-out by the next user of the computer, as their pages are not.
            return viewer.isPresent() ? moved.withHeader("cache-control", Caching.NO_STORE) : moved;
        }
        return shown(request, viewer, post);
    }

    /** The post at this slug that this viewer may read; a 404 (or what else refuses it) when there is none. */
    private Post found(String slug, Optional<Viewer> viewer) {
        return switch (app().posts().get(slug, viewer.map(Viewer::authorId))) {
            case Outcome.Refused<Post> r -> throw new ProblemException(Problems.of(r.refusal()));
            case Outcome.Done<Post> d -> d.value();
        };
    }

    /** The page of a post found: what surrounds it read (side by side), then rendered. */
    private HttpResponse shown(HttpRequest request, Optional<Viewer> viewer, Post post) {
        var posts = app().posts();
        Surroundings around = posts.around(post.summary(), RELATED);
        // Only its author sees a draft: one with no date of its own dated as publishing now would date it, as its preview is.
        PostView read = Views.post(Views.asPublishedNow(post, posts.time().now()), posts.time().zone(), posts.time().now(),
                around.neighbours(), around.related());
        PostView view = viewer.filter(v -> v.authorId().equals(post.summary().authorId())).isPresent()
                ? read.ownedAt(Views.postPath(post.slug()), Notice.onPost(request, post.summary(), posts.time().now())) : read;
        // A draft or a scheduled post, which only its author sees here, is no article yet: no canonical address, Open Graph
        // or JSON-LD with a publication date it does not have, and never indexed, as its preview.
        Frame frame = post.summary().visibleAt(posts.time().now())
                ? Frame.shared(post.summary().title(), post.summary().excerpt(), sharing(post.summary(), base(request)),
                        List.of(new Link("Alla inlägg", "/feed.xml")), viewer)
                : Frame.unlisted(post.summary().title(), viewer);
        return page(request, 200, frame, Templates.render(out -> JtepostGenerated.render(out, null, frame, view, null)));
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(PRIMING);
    }

    /**
     * The priming request finds no post (none is stored under its slug), so the page of a post found, with
     * its neighbours, related posts, picture and rendering, is primed on a made-up post: its surroundings are
     * read (Queries that find whatever is there), nothing is written.
     */
    @Override
    protected void primeMadeUp() {
        Instant now = app().posts().time().now();
        var summary = new PostSummary(Ids.ofSlug(PRIMING_SLUG), PRIMING_SLUG, "Inlägg före ögonblicksbilden", "Förhandsvisning.",
                new Byline("Åsa Öberg", Optional.of("Förstelärare"), Optional.of("Ystad")), List.of(Tag.named("Frivård"), Tag.named("Ystad")),
                Optional.of(new Image(Image.SITE_PATH + "abcdefghijklmnopqrstuvwxyz.jpg", "Bild", Optional.of("Bildtext"),
                        Optional.of(new Image.Size(800, 600)))),
                Status.PUBLISHED, now.minusSeconds(3600), true, now.minusSeconds(3600), 1, Ids.ofSlug("inlagg-priming-author"));
        shown(PRIMING, Optional.empty(), new Post(summary, "Text med **fetstil**.", "<p>Text med <strong>fetstil</strong>.</p>"));
    }

    static Sharing sharing(PostSummary s, String base) {
        String url = base + Views.postPath(s.slug());
        return new Sharing(url, "article", s.image().map(i -> new Sharing.Picture(SiteUrls.absolute(base, i.url()), i.alt(), i.size())),
                Optional.of(SiteTime.format(s.publishedAt())), Optional.of(SiteTime.format(s.modifiedForReaders())),
                s.tags().stream().map(Tag::name).toList(), Optional.of(JsonLd.blogPosting(s, url, base)));
    }
}
