package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.auth.Sessions;
import se.inlagg.auth.Tokens;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Blanks;
import se.inlagg.web.templates.JtesigninGenerated;

/**
 * GET and POST /signin, POST /signout: an author exchanges a token for a session cookie (HttpOnly,
 * SameSite, Secure over https) and a redirect to the form; a wrong token gets the form again.
 *
 * <p>The sign-in form is guarded against cross-site posts too: otherwise another site could sign a
 * visitor into the attacker's session and collect what they write. There is no session yet to bind
 * a token to, so the form's token is also set as a cookie when the form is shown (double submit),
 * and the browser's own Origin and Sec-Fetch-Site must name this site.
 */
public final class SignInHandler extends PageFunction {

    /** Signing in or out again only begins or ends another session: a sign-in AWS did not answer is not a change to look for. */
    @Override
    protected boolean safeToSendAgain(HttpRequest request) {
        return true;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        if (request.path().equals("/signout")) {
            return signOut(request);
        }
        Optional<String> formToken = Cookies.signInToken(request);
        if (request.method().equals("GET")) {
            return signInPage(request, 200, Optional.empty(), formToken, request.query("next").flatMap(LocalPath::of),
                    // Said only to someone signed out (a tab signed in again since must not be told it is not); someone
                    // signed in is told so.
                    viewer(request).isPresent() ? Optional.of(Notice.alreadySignedIn()) : Notice.signedOut(request));
        }
        FormData form = FormData.of(request);
        Optional<String> next = form.get("next").flatMap(LocalPath::of);
        // Another site's POST was refused at the door (PageFunction#refusedAtTheDoor); checked again so this holds on its own.
        boolean fromThisSite = SameOrigin.allows(request, app().settings())
                && formToken.filter(t -> Sessions.sameToken(t, form.value("csrf"))).isPresent();
        if (!fromThisSite) {
            return signInPage(request, 403, Optional.of(
                    "Inloggningen kom inte från inloggningssidan här (eller sidan var för gammal). Ingen loggades in; försök igen."),
                    Optional.empty(), next);
        }
        // Pasted from a mail, a chat or a PDF, a token brings what stood around it (a no-break space, a zero-width space, a
        // byte order mark), none of which a token has and none of which the field shows: taken off as a space is.
        String token = Blanks.trimmed(form.value("token"));
        if (token.isEmpty()) {
            // Nothing typed (the field's required is only the browser's word): said so, and no attempt counted against the limit.
            return signInPage(request, 400, Optional.of("Skriv din inloggningsnyckel i fältet och logga in igen."), formToken, next);
        }
        var now = app().posts().time().now();
        return switch (app().sessions().signIn(token, request.sourceIp(), now)) {
            case Sessions.SignIn.Success s -> HttpResponse.seeOther(next.orElse("/write")).withCookie(Cookies.start(request, s.started().id()));
            case Sessions.SignIn.Refused r -> signInPage(request, 403, Optional.of("Inloggningsnyckeln stämmer inte. Kontrollera att du har kopierat hela nyckeln och försök igen."), formToken,
                    next);
            case Sessions.SignIn.Limited l -> signInPage(request, 429, Optional.of(Problems.tooManyAttempts(l.retryAfter()).swedish()),
                    formToken, next).withRetryAfter(l.retryAfter());
        };
    }

    /**
     * Signs out the session of the cookie. The form's token proves the form is this site's; so does the browser
     * itself, saying the post came from this site (Sec-Fetch-Site, Origin): "Logga ut" in a tab opened before
     * the author signed in again carries the earlier session's token, and refused, would leave the author
     * signed in. Without a session there is nothing to end, and the author is signed out all the same: either
     * way the sign-in page says so.
     */
    private HttpResponse signOut(HttpRequest request) {
        Optional<String> id = Cookies.session(request);
        Optional<Viewer> viewer = viewer(request);
        if (id.isPresent() && viewer.isPresent()) {
            boolean fromThisSite = viewer.get().carriesToken(FormData.of(request).value("csrf"))
                    || SameOrigin.vouches(request, app().settings());
            if (!fromThisSite) {
                throw new ProblemException(Problems.forbidden("The sign-out did not come from a form here.",
                        "Utloggningen kom inte från ett formulär här."));
            }
            app().sessions().signOut(id.get(), viewer.get().authorId());
        }
        // The browser's storage of the site goes too: the words DraftScript kept there of unsent forms, on a shared computer.
        return HttpResponse.seeOther(Notice.after("/signin", Notice.Done.SIGNED_OUT, Optional.empty())).withCookie(Cookies.end(request))
                .withHeader("clear-site-data", "\"storage\"");
    }

    /** The form, with the token its cookie already holds, or a new one set with it. */
    private HttpResponse signInPage(HttpRequest request, int status, Optional<String> problem, Optional<String> formToken,
                                    Optional<String> next) {
        return signInPage(request, status, problem, formToken, next, Optional.empty());
    }

    private HttpResponse signInPage(HttpRequest request, int status, Optional<String> problem, Optional<String> formToken,
                                    Optional<String> next, Optional<Notice> notice) {
        String token = formToken.orElseGet(Tokens::newToken);
        Frame frame = Frame.unlisted("Logga in", Optional.empty()).failedIf(status >= 400);
        HttpResponse page = page(request, status, frame, Templates.render(out -> JtesigninGenerated.render(out, null, frame, problem, notice, token, next.orElse(""))))
                .withHeader("cache-control", Caching.NO_STORE);
        return formToken.isPresent() ? page : page.withCookie(Cookies.signIn(request, token));
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingGet("GET /signin", "/signin"));
    }
}
