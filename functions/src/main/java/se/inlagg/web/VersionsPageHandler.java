package se.inlagg.web;

import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.PostVersion;
import se.inlagg.posts.Refusal;
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

    private static final Pattern NUMBER = Pattern.compile("[1-9]\\d{0,17}");

    public VersionsPageHandler() {
        super("GET", "versions");
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (viewer.isEmpty()) {
            return toSignIn(request);
        }
        Post post = switch (app().posts().getToChange(slug(request), viewer.get().authorId())) {
            case Outcome.Done<Post> d -> d.value();
            case Outcome.Refused<Post> r -> throw new ProblemException(Problems.of(r.refusal() instanceof Refusal.Forbidden
                    ? Refusal.Forbidden.notTheAuthorsVersions() : r.refusal()));
        };
        ZoneId zone = app().posts().time().zone();
        Optional<String> number = request.pathParameter("version");
        return number.isPresent() ? one(request, post, number(number.get()), viewer.get(), zone) : list(request, post, viewer.get(), zone);
    }

    /** A version's number as its address writes it; any other is a version the post never had (a 404, in Swedish). */
    static long number(String written) {
        if (!NUMBER.matcher(written).matches()) {
            throw new ProblemException(Problems.of(new Refusal.NotFound(Refusal.Missing.VERSION)));
        }
        return Long.parseLong(written);
    }

    private HttpResponse list(HttpRequest request, Post post, Viewer viewer, ZoneId zone) {
        Optional<String> before = request.query("before");
        if (before.isPresent() && !NUMBER.matcher(before.get()).matches()) {
            throw new ProblemException(Problems.malformed("The link to more versions no longer holds.",
                    "Länken till fler versioner gäller inte längre. Börja om från de senaste versionerna."));
        }
        OptionalLong below = before.map(b -> OptionalLong.of(Long.parseLong(b))).orElse(OptionalLong.empty());
        Page<PostVersion> page = app().posts().versions(post, below, PostVersion.PAGE);
        String href = Views.postPath(post.slug());
        VersionsView view = new VersionsView(post.summary().title(), href,
                page.items().stream().map(v -> new VersionsView.Entry(href + "/versions/" + v.number(), SiteTime.format(v.savedAt()),
                        Views.dateTime(v.savedAt(), zone), v.post().summary().title())).toList(),
                page.nextCursor().map(n -> href + "/versions?before=" + n), before.isPresent());
        Frame frame = Frame.unlisted("Tidigare versioner: " + post.summary().title(), Optional.of(viewer));
        return page(request, 200, frame, Templates.render(out -> JteversionsGenerated.render(out, null, frame, view)))
                .withHeader("cache-control", Caching.NO_STORE);
    }

    private HttpResponse one(HttpRequest request, Post post, long number, Viewer viewer, ZoneId zone) {
        PostVersion version = switch (app().posts().version(post, number)) {
            case Outcome.Done<PostVersion> d -> d.value();
            case Outcome.Refused<PostVersion> r -> throw new ProblemException(Problems.of(r.refusal()));
        };
        PostSummary then = version.post().summary();
        String href = Views.postPath(post.slug());
        String byline = Stream.of(Optional.of(then.author().name()), then.author().role(), then.author().office())
                .flatMap(Optional::stream).reduce((a, b) -> a + ", " + b).orElse("");
        // An excerpt made from the text is no words of the author's: shown only when they wrote one.
        Optional<String> excerpt = Optional.of(then.excerpt()).filter(e -> !e.isBlank() && !PostRules.derivedExcerpt(e, version.post().body()));
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
