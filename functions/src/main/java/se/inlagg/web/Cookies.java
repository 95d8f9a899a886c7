package se.inlagg.web;

import java.time.Duration;
import java.util.Optional;
import se.inlagg.auth.Sessions;
import se.inlagg.http.HttpRequest;

/**
 * The session cookie. Over https it is "__Host-" prefixed and Secure, so no subdomain or plain-http
 * page can set or read it; locally, over http, it has a plain name. Always HttpOnly and SameSite=Lax.
 */
final class Cookies {

    static final String SECURE_NAME = "__Host-inlagg_session";
    static final String PLAIN_NAME = "inlagg_session";
    /** The sign-in form's double-submit token: no session exists yet to bind a CSRF token to. */
    static final String SIGN_IN_SECURE_NAME = "__Host-inlagg_signin";
    static final String SIGN_IN_PLAIN_NAME = "inlagg_signin";
    static final Duration SIGN_IN_LIFETIME = Duration.ofHours(1);

    private Cookies() {
    }

    /**
     * Over https only the "__Host-" cookie counts: read by the plain name too, a sibling subdomain, or a plain-http page
     * of one, could plant a session of its own in an author's browser, and a sign-out, which clears the "__Host-" one,
     * would leave it signed in as that other author. Over http, locally, the plain one.
     */
    static Optional<String> session(HttpRequest request) {
        return named(request, SECURE_NAME, PLAIN_NAME);
    }

    /** The "__Host-" cookie of this name over https; over http, locally, it or the plain one ({@link #session}). */
    private static Optional<String> named(HttpRequest request, String secureName, String plainName) {
        return request.https() ? request.cookie(secureName) : request.cookie(secureName).or(() -> request.cookie(plainName));
    }

    static String start(HttpRequest request, String id) {
        return name(request) + "=" + id + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + Sessions.LIFETIME.toSeconds()
                + (request.https() ? "; Secure" : "");
    }

    /** The sign-in form's token from its cookie, when it has the shape of one we made. */
    static Optional<String> signInToken(HttpRequest request) {
        return named(request, SIGN_IN_SECURE_NAME, SIGN_IN_PLAIN_NAME).filter(t -> t.matches("[A-Za-z0-9_-]{43}"));
    }

    /**
     * Strict, unlike the session's: it only ever needs to come back from the sign-in page itself, and
     * another site's form must not be able to send it along.
     */
    static String signIn(HttpRequest request, String token) {
        return (request.https() ? SIGN_IN_SECURE_NAME : SIGN_IN_PLAIN_NAME) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + SIGN_IN_LIFETIME.toSeconds() + (request.https() ? "; Secure" : "");
    }

    static String end(HttpRequest request) {
        return name(request) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (request.https() ? "; Secure" : "");
    }

    private static String name(HttpRequest request) {
        return request.https() ? SECURE_NAME : PLAIN_NAME;
    }
}
