package se.inlagg.web;

import java.lang.ref.WeakReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import se.inlagg.auth.Tokens;
import se.inlagg.http.BundledFile;
import se.inlagg.http.Caching;
import se.inlagg.http.ErrorRenderer;
import se.inlagg.http.HttpFunction;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.Problem;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;
import se.inlagg.web.templates.JteeditGenerated;
import se.inlagg.web.templates.JteformGenerated;

/**
 * A function that answers with pages: the viewer comes from the session cookie, every page carries
 * the page policy, public pages are cacheable with an ETag, and every problem (whatever its cause)
 * becomes a Swedish error page with the same status.
 */
abstract class PageFunction extends HttpFunction {

    /** No script at all, styles only from our own stylesheet, images from the web, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' https: http:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** A signed-in author's pages: the same, and the site's own script (DraftScript), which they load. */
    static final String AUTHORS_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';", "style-src 'self'; script-src 'self';");

    /** The policy of a page this viewer sees: an author's lets the site's own script run, a reader's none. */
    static String policyFor(Optional<Viewer> viewer) {
        return viewer.isPresent() ? AUTHORS_POLICY : CONTENT_SECURITY_POLICY;
    }

    static final String FROM_ELSEWHERE = "Formuläret skickades från en annan webbplats, inte från en sida här. Inget gjordes.";

    static final BundledFile STYLESHEET = BundledFile.read("/web/style.css", "text/css; charset=utf-8");
    static final BundledFile ICON = BundledFile.read("/web/favicon.svg", "image/svg+xml");
    static final BundledFile FAVICON = BundledFile.read("/web/favicon.ico", "image/x-icon");

    /**
     * Swedish error pages, whose header shows a signed-in author as signed in (else a form too large to read answers
     * "Logga in" to an author who is, and they take themselves for signed out). The session is read only
     * for a request that carries its cookie, and not for a 5xx, whose cause (DynamoDB busy or failing) the read would
     * meet again, nor for another site's form refused at the door, whose answer carries nothing of the session; a read
     * that fails shows the page as to anyone.
     */
    @Override
    protected ErrorRenderer errors(HttpRequest request) {
        return (req, problem) -> HtmlErrors.INSTANCE.render(req, problem, problem.status() < 500 && Cookies.session(req).isPresent()
                && refusedAtTheDoor(req).isEmpty() ? viewerIfReadable(req) : Optional.empty());
    }

    /**
     * A list's link to another page whose cursor the store refused, said in Swedish where the page shows it, never in the
     * API's English slot, where readers would see the generic sentence.
     */
    static Problem staleListLink() {
        return Problems.malformed("The link to the next page no longer holds.", "Länken till nästa sida gäller inte längre. Börja om från alla inlägg.");
    }

    private Optional<Viewer> viewerIfReadable(HttpRequest request) {
        try {
            return viewer(request);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A POST that the browser says another site's page sent (its Sec-Fetch-Site or Origin) is refused before it is
     * read, and nothing of it is shown again. Else the edit form, the new post's and the profile, shown again with what
     * was posted as a signed-out author's text is kept, would let another site fill them in, and the author's next click
     * or Enter, signed in, would save that; and another site's POST to /signout would end the session.
     */
    @Override
    protected Optional<Problem> refusedAtTheDoor(HttpRequest request) {
        if (request.method().equals("POST") && !SameOrigin.allows(request, () -> app().settings())) {
            return Optional.of(Problems.forbidden("The form came from another site; nothing was done.", FROM_ELSEWHERE));
        }
        return Optional.empty();
    }

    /** The {slug} of the route; API Gateway never calls a {slug} route without one. */
    static String slug(HttpRequest request) {
        return request.pathParameter("slug").orElse("");
    }

    /** The signed-in author looking at this page, from the session cookie. */
    protected Optional<Viewer> viewer(HttpRequest request) {
        Optional<Viewer> viewer = Cookies.session(request)
                .flatMap(id -> app().sessions().find(id, app().posts().time().now()))
                .map(s -> new Viewer(s.authorId(), s.csrf()));
        SEEN.set(new Seen(new WeakReference<>(request), viewer));
        return viewer;
    }

    /**
     * Who this very request was found to be, when it was read before AWS then failed the request: its form is shown again
     * ({@link #formAgain}) without asking AWS, which may not answer. Only for the same request object, so another
     * request on this thread never sees it.
     */
    private static Optional<Viewer> viewerSeen(HttpRequest request) {
        Seen seen = SEEN.get();
        return seen != null && seen.request().get() == request ? seen.viewer() : Optional.empty();
    }

    /** Held weakly: the thread keeps it until its next request, and a request's body is no reason to keep memory. */
    private record Seen(WeakReference<HttpRequest> request, Optional<Viewer> viewer) {
    }

    /**
     * A form as sent, and who sent it: what {@link #formAgain} gives a form back from. No one when the session itself was
     * what AWS did not read (unreachable, throttled): nothing was written then, and the form comes back without a token,
     * as a signed-out one does, which the browser's word lets through when it is sent again (from a review).
     */
    protected record Sent(FormData form, Optional<Viewer> viewer) {

        String csrf() {
            return viewer.map(Viewer::csrf).orElse("");
        }

        /** What the form given back says: nothing saved before anyone was known; else as the problem is. */
        String notice(Problem problem) {
            return viewer.isEmpty() ? FormGuard.NOTHING_SAVED_TEXT_KEPT
                    : problem.code().equals(Problems.OUTCOME_UNKNOWN) ? FormGuard.SAVE_AGAIN_SAFELY : problem.swedish();
        }
    }

    /** The form this request sent, and its sender as read before AWS failed it; empty for a read. */
    protected static Optional<Sent> sent(HttpRequest request) {
        return sent(request, WriteForm.TEXT_AREAS, WriteForm.MARKDOWN);
    }

    /** The same of a form with other text areas (and of them those written in Markdown), or none. */
    protected static Optional<Sent> sent(HttpRequest request, Set<String> textAreas, Set<String> markdown) {
        return request.isRead() ? Optional.empty()
                : Optional.of(new Sent(FormData.of(request).pasted(textAreas, markdown), viewerSeen(request)));
    }

    /** A form's page given back for this problem, with its Retry-After. */
    protected static HttpResponse givenBack(HttpResponse page, Problem problem) {
        return problem.retryAfter().map(page::withRetryAfter).orElse(page);
    }

    private static final ThreadLocal<Seen> SEEN = new ThreadLocal<>();

    /** To the sign-in form, and from there back to this page (its path and query) once signed in. */
    protected static HttpResponse toSignIn(HttpRequest request) {
        return toSignInThen(request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
    }

    /** To sign in, then back to this page of the site (a path only: LocalPath). */
    protected static HttpResponse toSignInThen(String here) {
        return HttpResponse.seeOther(signInThen(here));
    }

    /** The sign-in page's address that comes back to this page of the site, or plain /signin where it is no path of ours. */
    static String signInThen(String here) {
        return LocalPath.of(here).map(p -> "/signin?next=" + URLEncoder.encode(p, StandardCharsets.UTF_8))
                .orElse("/signin");
    }

    /**
     * The form for a new post (GET /write) with what was typed, a new form id and the messages; without a
     * viewer (signed out) it carries no CSRF token. The edit form falls back to it when its post is gone.
     */
    protected HttpResponse newPostForm(HttpRequest request, int status, Map<String, String> values,
                                       List<FieldError> errors, Optional<String> notice, Optional<Viewer> viewer) {
        return newPostForm(request, status, values, errors, notice, viewer, Tokens.newToken());
    }

    /** The same, with this form id (the idempotency key of what it makes), shown as {@link FormId} says. */
    protected HttpResponse newPostForm(HttpRequest request, int status, Map<String, String> values,
                                       List<FieldError> errors, Optional<String> notice, Optional<Viewer> viewer, String formId) {
        return newPostForm(request, status, values, errors, notice, viewer, formId, Optional.empty());
    }

    /**
     * The edit form of the author's own post: the {@code values} typed (or the post's), the version they were written from,
     * and, in a {@code conflict}, the post as stored beside them (EditPageHandler; WriteHandler for a form sent again).
     */
    protected HttpResponse editForm(HttpRequest request, int status, Post post, long version, Map<String, String> values,
                                    List<FieldError> errors, Optional<String> notice, Optional<Post> conflict, Viewer viewer) {
        return editForm(request, status, post, version, values, errors, notice, conflict, CHANGED_SINCE_OPENED, status != 200, viewer);
    }

    /**
     * The edit form filled in with an earlier version's words, at the post's version now: nothing is saved until the
     * author saves, and until then its links away open new tabs, as for any text not yet saved.
     */
    protected HttpResponse restoredForm(HttpRequest request, Post post, Map<String, String> values, String notice, Viewer viewer) {
        return editForm(request, 200, post, post.version(), values, List.of(), Optional.of(notice), Optional.empty(), CHANGED_SINCE_OPENED,
                true, viewer);
    }

    /** What a conflict in the edit form is headed, where another save came between the form's opening and its sending. */
    static final String CHANGED_SINCE_OPENED = "Inlägget har ändrats sedan du öppnade formuläret";

    private HttpResponse editForm(HttpRequest request, int status, Post post, long version, Map<String, String> values,
                                  List<FieldError> errors, Optional<String> notice, Optional<Post> conflict, String conflictHeading,
                                  boolean unsaved, Viewer viewer) {
        var time = app().posts().time();
        // One moment for the whole page, so its status label and what the conflict says readers see cannot disagree.
        Instant now = time.now();
        boolean live = conflict.filter(c -> c.summary().visibleAt(now)).isPresent();
        PostSummary s = post.summary();
        Views.StatusLabel label = Views.status(s, now, time.zone());
        FormView form = WriteForm.edit(s.slug(), values, errors, notice, viewer.csrf(), Tokens.newToken(), conflict.isPresent(),
                Optional.of(s.status()));
        Optional<EditView.Conflict> stored = conflict.map(c -> new EditView.Conflict(conflictHeading, c.summary().title(), c.body(),
                SiteTime.format(c.summary().updatedAt()), Views.dateTime(c.summary().updatedAt(), time.zone()),
                // An empty date keeps the date of a post readers see (PostService.edit), not a draft's or a scheduled one's.
                WriteForm.differences(WriteForm.of(c, time.zone()), values, time::parse, live), live));
        Optional<PostView.Figure> image = Views.post(post, time.zone(), now).figure();
        EditView view = new EditView(Views.postPath(s.slug()), label.text(), label.cssClass(), version, form,
                status == 200 ? Notice.of(request) : Optional.empty(), stored, image);
        Frame frame = textKept(Frame.unlisted("Redigera: " + s.title(), Optional.of(viewer)).failedIf(status >= 400), unsaved);
        return page(request, status, frame, Templates.render(out -> JteeditGenerated.render(out, null, frame, view)))
                .withHeader("cache-control", Caching.NO_STORE);
    }

    /**
     * The author's text beside the stored post, carrying the stored version: saving again is a choice
     * to save over it, made with what it says in view.
     */
    protected HttpResponse conflict(HttpRequest request, Post now, Map<String, String> typed, Viewer viewer, String message) {
        return conflict(request, now, typed, viewer, CHANGED_SINCE_OPENED, message);
    }

    /** The same, headed as the case is (a new post's form sent again heads it otherwise). */
    protected HttpResponse conflict(HttpRequest request, Post now, Map<String, String> typed, Viewer viewer, String heading, String message) {
        return editForm(request, 409, now, now.version(), typed, List.of(), Optional.of(message), Optional.of(now), heading, true, viewer);
    }

    /** The same, sent with {@code sameTitleAllowed} not asked about as a post of that title saved just now (FormView). */
    protected HttpResponse newPostForm(HttpRequest request, int status, Map<String, String> values, List<FieldError> errors,
                                       Optional<String> notice, Optional<Viewer> viewer, String formId, Optional<String> sameTitleAllowed) {
        FormView written = WriteForm.view(values, errors, notice, viewer.map(Viewer::csrf).orElse(""), formId).shownAs(Tokens.newToken());
        FormView view = sameTitleAllowed.map(written::allowingSameTitle).orElse(written);
        Frame frame = textKept(Frame.unlisted("Skriv ett inlägg", viewer).failedIf(status >= 400), status != 200 || viewer.isEmpty());
        return page(request, status, frame, Templates.render(out -> JteformGenerated.render(out, null, frame, view, Optional.empty())))
                .withHeader("cache-control", Caching.NO_STORE);
    }

    /** The frame of a form, given back with what was typed when {@code given}: its links away keep the text here (new tabs). */
    static Frame textKept(Frame frame, boolean given) {
        return given ? frame.holdingText() : frame;
    }

    /**
     * The post by slug as this author may change it: another author's is a 403 page, one this author
     * cannot see (gone, or another's draft) a 404 page.
     */
    protected Post ownPost(String slug, Viewer viewer) {
        return switch (app().posts().getToChange(slug, viewer.authorId())) {
            case Outcome.Done<Post> d -> d.value();
            case Outcome.Refused<Post> r -> throw new ProblemException(Problems.of(r.refusal()));
        };
    }

    /**
     * The category, person or office the path names ({tag}, {person}, {office}), read side by side with what the
     * page or feed reads of its posts; a 404 when readers have no post there. Empty where the path names none.
     */
    protected <T> Optional<PostService.InFacet<T>> facetInPath(HttpRequest request, Function<Facet, T> read) {
        for (var kind : List.of(Facet.Kind.CATEGORY, Facet.Kind.PERSON, Facet.Kind.OFFICE)) {
            Optional<String> slug = request.pathParameter(pathParameter(kind));
            if (slug.isPresent()) {
                return Optional.of(app().posts().inVisibleFacet(kind, slug.get(), read)
                        .orElseThrow(() -> new ProblemException(Problems.of(new Refusal.NotFound(missing(kind))))));
            }
        }
        return Optional.empty();
    }

    private static String pathParameter(Facet.Kind kind) {
        return switch (kind) {
            case CATEGORY -> "tag";
            case PERSON -> "person";
            case OFFICE -> "office";
            case MONTH -> "month";
        };
    }

    private static Refusal.Missing missing(Facet.Kind kind) {
        return switch (kind) {
            case CATEGORY -> Refusal.Missing.CATEGORY;
            case PERSON -> Refusal.Missing.PERSON;
            case OFFICE -> Refusal.Missing.OFFICE;
            case MONTH -> Refusal.Missing.MONTH;
        };
    }

    /** The stylesheet under a name that changes with its content, so browsers and the CDN keep it for a year. */
    static String stylesheetPath() {
        return "/assets/style." + STYLESHEET.hash() + ".css";
    }

    /** The icon likewise. */
    static String iconPath() {
        return "/assets/favicon." + ICON.hash() + ".svg";
    }

    /** The site's address: what every absolute link, canonical address and feed id starts with. */
    protected String base(HttpRequest request) {
        return SiteUrls.base(app().settings(), request);
    }

    /**
     * A rendered page. Public pages (nobody signed in, status 200) are cacheable and revalidate
     * with If-None-Match. A page that shows who is signed in is stored nowhere, not even by that browser: as "private,
     * no-cache" the back button would show "Mina inlägg", every draft's title and a draft's text from the browser's
     * copies after signing out, to whoever uses the computer next. It has no 304 to lose. A reader's copy varies with the
     * cookie (the session's, which makes it an author's page): a browser keeping it may reuse it for 30 s
     * (stale-while-revalidate), and would show an author just signed in, sent back to this page, the page signed out; the
     * CDN keys it by the session cookie alone and passes Vary on.
     */
    protected static HttpResponse page(HttpRequest request, int status, Frame frame, String html) {
        HttpResponse response = HttpResponse.html(status, html).withHeader("content-security-policy",
                policyFor(frame.viewer()));
        if (frame.viewer().isPresent() || status != 200) {
            return response.withHeader("cache-control", Caching.NO_STORE);
        }
        return Caching.publicly(request, response.withHeader("vary", "Cookie"));
    }
}
