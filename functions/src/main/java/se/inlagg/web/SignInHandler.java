package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;
import se.inlagg.api.Wiring;
import se.inlagg.auth.Sessions;

/**
 * GET and POST /signin, POST /signout: an author exchanges a token for a session cookie (HttpOnly,
 * SameSite, Secure over https) and a redirect to the form; a wrong token gets the form again.
 */
public final class SignInHandler extends PageHandler {

    public SignInHandler() {
        this(Wiring.shared());
    }

    public SignInHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        if (request.path().equals("/signout")) {
            return signOut(request);
        }
        if (request.method().equals("GET")) {
            return page(request, 200, "Logga in", form(""), viewer(request), List.of());
        }
        String token = FormData.of(request).value("token");
        return switch (wiring.sessions().signIn(token, request.sourceIp(), wiring.posts().time().now())) {
            case Sessions.SignIn.Success s -> redirect("/write").withCookie(Cookies.start(request, s.started().id()));
            case Sessions.SignIn.Refused r -> page(request, 403, "Logga in", form("Fel token. Kontrollera den och försök igen."),
                    Optional.empty(), List.of());
            case Sessions.SignIn.Limited l -> page(request, 429, "Logga in",
                    form("För många misslyckade försök. Vänta en stund och försök igen."), Optional.empty(), List.of())
                    .withHeader("retry-after", Long.toString(Math.max(1, l.retryAfter().toSeconds())));
        };
    }

    private ApiResponse signOut(ApiRequest request) {
        Optional<String> id = Cookies.session(request);
        Optional<Viewer> viewer = viewer(request);
        String csrf = FormData.of(request).value("csrf");
        if (id.isEmpty() || viewer.isEmpty() || !Sessions.sameToken(viewer.get().csrf(), csrf)) {
            return errorPage(request, 403, "Utloggningen kom inte från ett formulär här.");
        }
        wiring.sessions().signOut(id.get());
        return redirect("/").withCookie(Cookies.end(request));
    }

    private static String form(String error) {
        return """
                <h1>Logga in</h1>
                %s<form method="post" action="/signin" class="signin">
                <p class="field"><label for="token">Din token</label>
                <input id="token" name="token" type="password" autocomplete="current-password" required></p>
                <p class="actions"><button type="submit">Logga in</button></p>
                </form>
                """.formatted(error.isEmpty() ? "" : "<p class=\"notice\" role=\"alert\">" + Html.text(error) + "</p>\n");
    }
}
