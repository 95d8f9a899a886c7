package se.inlagg.web;

import java.util.Optional;
import se.inlagg.auth.Sessions;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.web.templates.JtesigninGenerated;

/**
 * GET and POST /signin, POST /signout: an author exchanges a token for a session cookie (HttpOnly,
 * SameSite, Secure over https) and a redirect to the form; a wrong token gets the form again.
 */
public final class SignInHandler extends PageFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        if (request.path().equals("/signout")) {
            return signOut(request);
        }
        if (request.method().equals("GET")) {
            return signInPage(request, 200, Optional.empty());
        }
        String token = FormData.of(request).value("token");
        var now = app().posts().time().now();
        return switch (app().sessions().signIn(token, request.sourceIp(), now)) {
            case Sessions.SignIn.Success s -> HttpResponse.seeOther("/write").withCookie(Cookies.start(request, s.started().id()));
            case Sessions.SignIn.Refused r -> signInPage(request, 403, Optional.of("Fel token. Kontrollera den och försök igen."));
            case Sessions.SignIn.Limited l -> signInPage(request, 429, Optional.of(Problems.tooManyAttempts(l.retryAfter()).swedish()))
                    .withHeader("retry-after", Long.toString(Math.max(1, l.retryAfter().toSeconds())));
        };
    }

    private HttpResponse signOut(HttpRequest request) {
        Optional<String> id = Cookies.session(request);
        Optional<Viewer> viewer = viewer(request);
        String csrf = FormData.of(request).value("csrf");
        if (id.isEmpty() || viewer.isEmpty() || !Sessions.sameToken(viewer.get().csrf(), csrf)) {
            throw new ProblemException(Problems.forbidden("The sign-out did not come from a form here.",
                    "Utloggningen kom inte från ett formulär här."));
        }
        app().sessions().signOut(id.get());
        return HttpResponse.seeOther("/").withCookie(Cookies.end(request));
    }

    private HttpResponse signInPage(HttpRequest request, int status, Optional<String> problem) {
        Frame frame = Frame.unlisted("Logga in", Optional.empty());
        return page(request, status, frame, Templates.render(out -> JtesigninGenerated.render(out, null, frame, problem)))
                .withHeader("cache-control", Caching.NO_STORE);
    }
}
