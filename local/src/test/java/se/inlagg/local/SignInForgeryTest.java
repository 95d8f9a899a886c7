package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Another site cannot sign a visitor in: a POST to the sign-in form without the form's token, or with
 * another form's token, gets the Swedish form again (403), and one the browser says comes from another
 * origin a Swedish page saying so (403); neither a session, even with a right author token in it.
 */
class SignInForgeryTest extends ServerTest {

    static final String FORM = "application/x-www-form-urlencoded";

    static void assertRefused(Http.Reply reply) {
        assertEquals(403, reply.status(), reply.body());
        assertTrue(reply.body().contains("Inloggningen kom inte från inloggningssidan här"), reply.body());
        assertTrue(reply.body().contains("name=\"token\""), "the form again");
        assertFalse(reply.headers().allValues("set-cookie").stream().anyMatch(c -> c.contains("inlagg_session=")), "no session");
    }

    /** Another site's POST, as its browser says: refused before it is read, no form, no session. */
    static void assertFromElsewhere(Http.Reply reply) {
        assertEquals(403, reply.status(), reply.body());
        assertTrue(reply.body().contains("Formuläret skickades från en annan webbplats"), reply.body());
        assertFalse(reply.headers().allValues("set-cookie").stream().anyMatch(c -> c.contains("inlagg_session=")), "no session");
    }

    Http.Reply post(Map<String, String> headers, String body) {
        return http.send("POST", "/signin", FORM, body.getBytes(StandardCharsets.UTF_8), null, headers);
    }

    @Test
    void aPostWithoutTheFormsTokenSignsNobodyIn() {
        assertRefused(post(Map.of(), "token=" + ServerExtension.TOKEN));
        var form = http.signInForm(Map.of());
        assertRefused(post(Map.of("Cookie", form.cookie()), "token=" + ServerExtension.TOKEN));
        assertRefused(post(Map.of(), "csrf=" + form.csrf() + "&token=" + ServerExtension.TOKEN));
    }

    @Test
    void anotherFormsTokenDoesNotFitThisCookie() {
        var mine = http.signInForm(Map.of());
        var theirs = http.signInForm(Map.of());
        assertRefused(post(Map.of("Cookie", mine.cookie()), "csrf=" + theirs.csrf() + "&token=" + ServerExtension.TOKEN));
    }

    @Test
    void aPostFromAnotherOriginIsRefusedEvenWithEveryToken() {
        var form = http.signInForm(Map.of());
        String body = "csrf=" + form.csrf() + "&token=" + ServerExtension.TOKEN;
        assertFromElsewhere(post(Map.of("Cookie", form.cookie(), "Origin", "https://elak.example"), body));
        assertFromElsewhere(post(Map.of("Cookie", form.cookie(), "Sec-Fetch-Site", "cross-site"), body));
        assertFromElsewhere(post(Map.of("Cookie", form.cookie(), "Origin", "null"), body));
        var fromHere = post(Map.of("Cookie", form.cookie(), "Sec-Fetch-Site", "same-origin",
                "Origin", "http://" + env.server.baseUri().getAuthority()), body);
        assertEquals(303, fromHere.status(), fromHere.body());
        assertTrue(Http.sessionCookie(fromHere).contains("inlagg_session="));
    }

    /**
     * Behind CloudFront the Host is API Gateway's name, and the browser's Origin the distribution's, which only the SiteHost
     * function's header names: without it a stack deployed without a custom domain would refuse every sign-in as coming
     * from another site. A header naming another host than the Origin still lets nothing in.
     */
    @Test
    void behindCloudFrontTheNameTheReaderUsedIsThisSite() {
        var form = http.signInForm(Map.of());
        String body = "csrf=" + form.csrf() + "&token=" + ServerExtension.TOKEN;
        var signedIn = post(Map.of("Cookie", form.cookie(), "Sec-Fetch-Site", "same-origin",
                "Origin", "https://d111111abcdef8.cloudfront.net", "X-Inlagg-Site-Host", "d111111abcdef8.cloudfront.net"), body);
        assertEquals(303, signedIn.status(), signedIn.body());
        assertTrue(Http.sessionCookie(signedIn).contains("inlagg_session="));
        assertFromElsewhere(post(Map.of("Cookie", form.cookie(), "Origin", "https://elak.example",
                "X-Inlagg-Site-Host", "d111111abcdef8.cloudfront.net"), body));
    }

    /**
     * Over https the plain-named cookie, which a sibling subdomain can set, is no session: read as one, another author's
     * session could be planted in a browser and outlive a sign-out. Only the "__Host-" one counts there; the plain name is
     * the local server's, over http.
     */
    @Test
    void overHttpsOnlyTheHostPrefixedCookieIsASession() {
        var form = http.signInForm(Map.of());
        var session = post(Map.of("Cookie", form.cookie()), "csrf=" + form.csrf() + "&token=" + ServerExtension.TOKEN);
        String id = Http.sessionCookie(session).replaceAll("^[^=]*=([^;]*).*$", "$1");
        assertEquals(200, http.raw("GET", "/drafts", Map.of("Cookie", "__Host-inlagg_session=" + id, "X-Forwarded-Proto", "https"), null).status());
        var planted = http.raw("GET", "/drafts", Map.of("Cookie", "inlagg_session=" + id, "X-Forwarded-Proto", "https"), null);
        assertEquals(303, planted.status(), "not signed in: " + planted.body());
        assertTrue(planted.header("location").startsWith("/signin"), planted.header("location"));
        assertEquals(200, http.raw("GET", "/drafts", Map.of("Cookie", "inlagg_session=" + id), null).status(), "over http, locally, it is");
    }

    /**
     * Over https the form's token cookie is "__Host-" named, which a browser keeps only when it is Secure with Path=/:
     * without them it would drop the cookie, and every sign-in there would be refused as forged.
     */
    @Test
    void overHttpsTheFormsTokenCookieIsOneABrowserKeeps() {
        String setCookie = http.raw("GET", "/signin", Map.of("X-Forwarded-Proto", "https"), null).header("set-cookie");
        assertTrue(setCookie.startsWith("__Host-inlagg_signin=") && setCookie.contains("; Secure") && setCookie.contains("Path=/")
                && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
    }

    /** A token cookie of a shape the form never makes (one planted over http) is no form's token, even sent back as the form's. */
    @Test
    void aTokenCookieTheFormDidNotMakeSignsNobodyIn() {
        assertRefused(post(Map.of("Cookie", "inlagg_signin=planted"), "csrf=planted&token=" + ServerExtension.TOKEN));
    }

    @Test
    void theFormsTokenCookieIsStrictAndHttpOnly() {
        String setCookie = http.get("/signin").header("set-cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"), setCookie);
        assertEquals("no-store", http.get("/signin").header("cache-control"));
    }
}
