package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.config.Settings;
import se.inlagg.http.HttpRequest;

class FormGuardTest {

    /** A version too long for a number matches no post (a conflict, the text kept), rather than failing the save with a 500. */
    @Test
    void aVersionTooLongForANumberMatchesNoPost() {
        assertEquals(7, FormGuard.version(FormDataTest.form("version=7")));
        assertEquals(-1, FormGuard.version(FormDataTest.form("version=9223372036854775808")), "one past the largest long");
        assertEquals(-1, FormGuard.version(FormDataTest.form("version=12345678901234567890123")));
        assertEquals(-1, FormGuard.version(FormDataTest.form("version=-3")));
        assertEquals(-1, FormGuard.version(FormDataTest.form("title=T")), "none");
    }

    /**
     * A form with the session's own token is still refused when the browser says it came from another site: the guard holds
     * on its own, not only behind PageFunction's door, which refuses such a POST before it (so no request through the
     * site could show this break).
     */
    @Test
    void aFormWithTheRightTokenFromAnotherSiteIsRefused() {
        Settings settings = SiteUrlsTest.NO_DOMAIN;
        Optional<Viewer> viewer = Optional.of(new Viewer("forfattare-1", "sessionens-token"));
        FormData form = FormDataTest.form("title=T&csrf=" + viewer.get().csrf());
        HttpRequest ours = post("same-origin", "https://blogg.example.se");
        assertEquals(Optional.empty(), FormGuard.refusal(ours, viewer, form, settings), "this site's own form with its token");
        assertEquals(Optional.of(FormGuard.FOREIGN), FormGuard.refusal(post("cross-site", "https://annan.example"), viewer, form, settings));
        assertEquals(Optional.of(FormGuard.FOREIGN), FormGuard.refusal(post("same-site", "https://annan.blogg.example.se"), viewer, form, settings),
                "a sibling subdomain");
        assertEquals(Optional.of(FormGuard.FOREIGN), FormGuard.refusalOfTextKept(post("cross-site", "https://annan.example"), viewer, form, settings));
    }

    private static HttpRequest post(String fetchSite, String origin) {
        return HttpRequest.builder().method("POST").path("/posts/a/edit").header("host", "blogg.example.se")
                .header("x-forwarded-proto", "https").header("sec-fetch-site", fetchSite).header("origin", origin).build();
    }
}
