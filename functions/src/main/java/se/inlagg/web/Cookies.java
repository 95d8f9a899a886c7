package se.inlagg.web;

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

    private Cookies() {
    }

    static Optional<String> session(HttpRequest request) {
        return request.cookie(SECURE_NAME).or(() -> request.cookie(PLAIN_NAME));
    }

    static String start(HttpRequest request, String id) {
        return name(request) + "=" + id + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + Sessions.LIFETIME.toSeconds()
                + (request.https() ? "; Secure" : "");
    }

    static String end(HttpRequest request) {
        return name(request) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (request.https() ? "; Secure" : "");
    }

    private static String name(HttpRequest request) {
        return request.https() ? SECURE_NAME : PLAIN_NAME;
    }
}
