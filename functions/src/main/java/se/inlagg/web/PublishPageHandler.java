package se.inlagg.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Seen;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Status;
import se.inlagg.posts.SwedishDates;
import se.inlagg.web.templates.JtepublishGenerated;

/**
 * POST /posts/{slug}/publish (now, or at a date and time in the site's zone) and POST
 * /posts/{slug}/unpublish (back to draft), from "Mina inlägg" and the preview. Each acts on the
 * version the author looked at, answers with a redirect to "Mina inlägg" and its confirmation,
 * and a second click changes nothing. What cannot be done shows the publishing form again, in
 * Swedish, with the time as typed.
 */
public final class PublishPageHandler extends PostAuthorPage {

    /** A page of an earlier session's, said as such, not as the forms' general "Inget sparades; skicka formuläret igen". */
    private static final String OLD_PAGE = "Sidan var för gammal (eller kom inte härifrån), så inget publicerades eller ändrades. "
            + "Välj här nedan igen.";
    private static final String CHANGED = "Inlägget har ändrats sedan du öppnade sidan, så inget publicerades eller ändrades. "
            + "Förhandsgranska det igen och välj sedan här nedan.";

    public PublishPageHandler() {
        super("POST", "publish");
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        FormData form = FormData.of(request);
        Optional<String> refused = FormGuard.refusal(request, viewer, form, app().settings());
        String slug = slug(request);
        if (refused.isPresent()) {
            // Signed in, from a page of an earlier session (a tab left open): the form again, now this session's, to
            // send once more.
            if (viewer.isPresent()) {
                // The form again holds the post's version now: a post changed since the old page is said so, as a stale
                // version is, so that no click publishes what the author has not seen.
                Post post = ownPost(slug, viewer.get());
                boolean changed = post.version() != FormGuard.version(form);
                return again(request, viewer.get(), post, form.value("at"), 403, changed ? CHANGED : OLD_PAGE, false);
            }
            // Signed out meanwhile: nothing was done; to sign in, and back to the preview, whose button does it (not a page
            // that says "you may not do this", with no way on but the front page).
            return toSignInThen(Views.postPath(slug) + "/preview");
        }
        String authorId = viewer.get().authorId();
        Optional<Seen> version = Optional.of(Seen.atVersion(FormGuard.version(form)));
        var posts = app().posts();
        if (request.path().endsWith("/unpublish")) {
            return answer(request, viewer.get(), slug, form, posts.unpublish(slug, authorId, version), Notice.Done.UNPUBLISHED);
        }
        String typed = form.value("at").strip();
        if (form.get("at").isPresent() && typed.isEmpty()) {
            // "Schemalägg" with no time: said so, never published now (the browser's own check is not to be relied on).
            // "Publicera nu" sends no time at all, and is now.
            return again(request, viewer.get(), slug, typed, 400,
                    "Skriv när inlägget ska publiceras, till exempel 2026-12-24 15:00 (svensk tid).", true);
        }
        SiteTime.Reading read = posts.time().read(typed);
        Optional<Instant> at = read.instant().map(t -> asFilledIn(t, typed, slug, viewer.get()));
        if (!typed.isEmpty() && at.isEmpty()) {
            return again(request, viewer.get(), slug, typed, 400, !(read instanceof SiteTime.Reading.Unreadable)
                    ? Swedish.sentence(Swedish.message(PostRules.timeProblem(read)))
                    : "Tiden gick inte att läsa. Skriv datum och klockslag som 2026-12-24 15:00 (svensk tid).", true);
        }
        Instant asked = posts.time().now();
        ZoneId zone = posts.time().zone();
        // A time already past publishes now, dated then, as the field's hint says; a day before today's is said so where it
        // was done, as "Publicera nu" on a dated draft is (not only "publicerat", dated, say, 2020).
        Notice.Done done = at.map(t -> t.isAfter(asked) ? Notice.Done.SCHEDULED
                : anotherDay(t, asked, zone) ? Notice.Done.PUBLISHED_DATED : Notice.Done.PUBLISHED).orElse(Notice.Done.PUBLISHED);
        Outcome<PostSummary> published = posts.publish(slug, authorId, at, version);
        // "Publicera nu" on a draft with a past date of its own keeps it: said where it was done (from "Mina inlägg" it
        // would otherwise go out dated, say, January, with nothing said), when that is another day than today (a draft
        // dated this morning is today's news, not "inte dagens").
        if (at.isEmpty() && published instanceof Outcome.Done<PostSummary> d && !d.value().updatedAt().isBefore(asked)
                && d.value().publishedAt().isBefore(d.value().updatedAt()) && anotherDay(d.value().publishedAt(), d.value().updatedAt(), zone)) {
            done = Notice.Done.PUBLISHED_DATED;
        }
        return answer(request, viewer.get(), slug, form, published, done);
    }

    /** Whether the two moments fall on different days of the site's calendar. */
    private static boolean anotherDay(Instant a, Instant b, ZoneId zone) {
        return !a.atZone(zone).toLocalDate().equals(b.atZone(zone).toLocalDate());
    }

    /**
     * The schedule's field is filled in with a dated draft's own time ({@link Views#publishing}) to the minute, and in the
     * hour the clock shows twice as summer time ends without saying which of the two it is (pages that showed it in a
     * browser's date-and-time field, which has no room for "(vintertid)", may still be open): read back, it is the
     * first. Sent as filled in, it is the post's own time, as the page says ("Schemalägg nedan publicerar det då"). Only
     * such an hour reads the post first.
     */
    private Instant asFilledIn(Instant read, String typed, String slug, Viewer viewer) {
        ZoneId zone = app().posts().time().zone();
        if (SwedishDates.season(read, zone).isEmpty()) {
            return read;
        }
        PostSummary own = ownPost(slug, viewer).summary();
        boolean filledIn = (own.status() == Status.DRAFT && own.dated() || own.publishedAt().isAfter(app().posts().time().now()))
                && WriteForm.siteTime(own.publishedAt(), zone).equals(typed.replace('T', ' '));
        return filledIn ? own.publishedAt() : read;
    }

    private HttpResponse answer(HttpRequest request, Viewer viewer, String slug, FormData form, Outcome<PostSummary> outcome,
                                Notice.Done done) {
        return switch (outcome) {
            // Back to the list the author acted from ("Utkast" sends its row's list along), not to all their posts.
            case Outcome.Done<PostSummary> d -> HttpResponse.seeOther(Notice.after(Shown.orAll(Optional.of(form.value("status"))).href(),
                    done, Optional.of(d.value().slug())));
            case Outcome.Refused<PostSummary> r -> switch (r.refusal()) {
                case Refusal.Stale s -> again(request, viewer, slug, form.value("at"), 409, CHANGED, false);
                case Refusal.TryLater t -> again(request, viewer, slug, form.value("at"), Problems.of(t).status(), Problems.of(t).swedish(), false)
                        .withRetryAfter(t.retryAfter());
                case Refusal.Invalid i -> throw new ProblemException(Problems.of(i));
                case Refusal.Unprocessable u -> throw new ProblemException(Problems.of(u));
                case Refusal.Forbidden f -> throw new ProblemException(Problems.of(f));
                case Refusal.NotFound n -> throw new ProblemException(Problems.of(n));
            };
        };
    }

    /**
     * The publishing form of the post as it is now, with the time as typed and what was wrong; the time's field is marked
     * only when the time was (a post changed meanwhile is no fault of the date's).
     */
    private HttpResponse again(HttpRequest request, Viewer viewer, String slug, String typed, int status, String problem, boolean atWrong) {
        return again(request, viewer, ownPost(slug, viewer), typed, status, problem, atWrong);
    }

    /** The same, of the post as read already. */
    private HttpResponse again(HttpRequest request, Viewer viewer, Post post, String typed, int status, String problem, boolean atWrong) {
        PublishingView view = Views.publishing(post.summary(), viewer.csrf(), typed, Optional.of(problem), atWrong, app().posts().time().now(),
                app().posts().time().zone());
        String title = post.summary().title();
        Frame frame = textKept(Frame.unlisted("Publicera: " + title, Optional.of(viewer)).failedIf(status >= 400), status != 200);
        return page(request, status, frame, Templates.render(out -> JtepublishGenerated.render(out, null, frame, title, view)))
                .withHeader("cache-control", Caching.NO_STORE);
    }
}
