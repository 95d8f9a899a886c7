package se.inlagg.web;

import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Markdown;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.PostVersion;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Tag;
import se.inlagg.web.templates.JteversionGenerated;
import se.inlagg.web.templates.JteversionsGenerated;

/**
 * GET /posts/{slug}/versions: the author's post's earlier versions, the newest first, a page at a time (?before= the
 * last one shown); GET /posts/{slug}/versions/{version}: one of them, with the way to take its words back into the
 * edit form (EditPageHandler, ?from=). Only the post's author sees them, never cached, never indexed.
 */
public final class VersionsPageHandler extends PostAuthorPage {

    public VersionsPageHandler() {
        super("GET", "versions");
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (viewer.isEmpty()) {
            return toSignIn(request);
        }
        Post post = switch (app().posts().getToReadVersions(slug(request), viewer.get().authorId())) {
            case Outcome.Done<Post> d -> d.value();
            case Outcome.Refused<Post> r -> throw new ProblemException(Problems.of(r.refusal()));
        };
        ZoneId zone = app().posts().time().zone();
        Optional<String> number = request.pathParameter("version");
        return number.isPresent() ? one(request, post, number.get(), viewer.get(), zone) : list(request, post, viewer.get(), zone);
    }

    /**
     * The version an address names: one number that can be none (0, "x") is a version the post never had, refused as one it
     * had and no longer keeps (a 404, in Swedish).
     */
    static PostVersion named(PostService posts, Post post, String written) {
        return switch (posts.version(post, PostVersion.numberOf(written).orElse(0))) {
            case Outcome.Done<PostVersion> d -> d.value();
            case Outcome.Refused<PostVersion> r -> throw new ProblemException(Problems.of(r.refusal()));
        };
    }

    private HttpResponse list(HttpRequest request, Post post, Viewer viewer, ZoneId zone) {
        Optional<String> before = request.query("before");
        OptionalLong below = before.map(PostVersion::numberOf).orElse(OptionalLong.empty());
        if (before.isPresent() && below.isEmpty()) {
            throw new ProblemException(Problems.malformed("The link to more versions no longer holds.",
                    "Länken till fler versioner gäller inte längre. Börja om från de senaste versionerna."));
        }
        Page<PostVersion> page = app().posts().versions(post, below, PostVersion.PAGE);
        String href = Views.postPath(post.slug());
        VersionsView view = new VersionsView(post.summary().title(), href,
                page.items().stream().map(v -> new VersionsView.Entry(href + "/versions/" + v.number(), SiteTime.format(v.savedAt()),
                        Views.dateTime(v.savedAt(), zone), v.post().summary().title(), Markdown.wordCount(v.post().body()))).toList(),
                page.nextCursor().map(n -> href + "/versions?before=" + n), before.isPresent());
        Frame frame = Frame.unlisted("Tidigare versioner: " + post.summary().title(), Optional.of(viewer));
        return page(request, 200, frame, Templates.render(out -> JteversionsGenerated.render(out, null, frame, view)))
                .withHeader("cache-control", Caching.NO_STORE);
    }

    private HttpResponse one(HttpRequest request, Post post, String number, Viewer viewer, ZoneId zone) {
        PostVersion version = named(app().posts(), post, number);
        PostSummary then = version.post().summary();
        String href = Views.postPath(post.slug());
        String byline = Stream.of(Optional.of(then.author().name()), then.author().role(), then.author().office())
                .flatMap(Optional::stream).reduce((a, b) -> a + ", " + b).orElse("");
        // An excerpt made from the text is no words of the author's: shown only when they wrote one.
        Optional<String> excerpt = Optional.of(then.excerpt()).filter(e -> !e.isBlank() && !version.post().excerptFromBody());
        VersionView view = new VersionView(post.summary().title(), href, SiteTime.format(version.savedAt()),
                Views.dateTime(version.savedAt(), zone), SiteTime.format(version.replacedAt()), Views.dateTime(version.replacedAt(), zone),
                then.title(), excerpt, then.tags().stream().map(Tag::name).toList(), byline, version.post().bodyHtml(),
                href + "/edit?from=" + version.number());
        Frame frame = Frame.unlisted("Versionen sparad " + Views.dateTime(version.savedAt(), zone) + ": " + post.summary().title(),
                Optional.of(viewer));
        return page(request, 200, frame, Templates.render(out -> JteversionGenerated.render(out, null, frame, view)))
                .withHeader("cache-control", Caching.NO_STORE);
    }
}
