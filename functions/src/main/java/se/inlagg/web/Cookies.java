package se.inlagg.web;

import java.util.Optional;
import se.inlagg.api.ApiRequest;
import se.inlagg.auth.Sessions;

/**
 * The session cookie. Over https it is "__Host-" prefixed and Secure, so no subdomain or plain-http
 * page can set or read it; locally, over http, it has a plain name. Always HttpOnly and SameSite=Lax.
 */
final class Cookies {

    static final String SECURE_NAME = "__Host-inlagg_session";
    static final String PLAIN_NAME = "inlagg_session";

    private Cookies() {
    }

    static Optional<String> session(ApiRequest request) {
        for (String cookie : request.cookies()) {
            int eq = cookie.indexOf('=');
            if (eq > 0) {
                String name = cookie.substring(0, eq).strip();
                if (name.equals(SECURE_NAME) || name.equals(PLAIN_NAME)) {
                    return Optional.of(cookie.substring(eq + 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    static String start(ApiRequest request, String id) {
        return (https(request) ? SECURE_NAME : PLAIN_NAME) + "=" + id + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
                + Sessions.LIFETIME.toSeconds() + (https(request) ? "; Secure" : "");
    }

    static String end(ApiRequest request) {
        return (https(request) ? SECURE_NAME : PLAIN_NAME) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
                + (https(request) ? "; Secure" : "");
    }

    /** API Gateway is reached over https and says so in X-Forwarded-Proto; the local server is http. */
    static boolean https(ApiRequest request) {
        return request.header("x-forwarded-proto").map(p -> p.equalsIgnoreCase("https")).orElse(false);
    }
}
