package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may send an author's forms: a session that ended meanwhile sends the author to sign in and back, with the form
 * kept; a wrong token or another site's form saves nothing; and the profile, which fills the byline.
 */
class SignedInPagesEndToEndTest extends AuthorPagesTest {

    /** Signed out meanwhile, publish and delete lead to signing in, not to a page that says "you may not", with no way on. */
    @Test
    void signedOutMeanwhilePublishAndDeleteSendTheAuthorToSignInAndBackDoingNothing() {
        String slug = write("Utloggad under tiden", "draft");
        var form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        var publish = http.raw("POST", "/posts/" + slug + "/publish", form, "csrf=gammal&version=1");
        assertEquals(303, publish.status());
        assertEquals("/signin?next=%2Fposts%2F" + slug + "%2Fpreview", publish.header("location"));
        var delete = http.raw("POST", "/posts/" + slug + "/delete", form, "csrf=gammal&confirm=ja");
        assertEquals("/signin?next=%2Fposts%2F" + slug + "%2Fdelete", delete.header("location"));
        assertEquals(404, http.get("/posts/" + slug).status(), "still a draft");
        assertEquals(200, asa.get("/posts/" + slug).status(), "still there");
    }

    /**
     * The session's CSRF token as the same bytes on every page, beside what a signed-in search echoes, in a compressed
     * answer, would give it away (BREACH). Every page carries it masked anew, and a form from any of them saves.
     */
    @Test
    void everyPageCarriesTheTokenMaskedAnewAndAFormFromAnyOfThemSaves() {
        Map<String, String> older = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        String newer = AuthorBrowser.hidden(asa.get("/write").body(), "csrf");
        String search = AuthorBrowser.hidden(asa.get("/sok?q=fika").body(), "csrf");
        assertNotEquals(older.get("csrf"), newer);
        assertNotEquals(newer, search);
        older.putAll(Map.of("title", "Maskerad token", "body", "Sparad från en äldre sida.", "action", "publish"));
        var saved = asa.post("/write", older);
        assertEquals(303, saved.status(), saved.body());
        assertEquals(200, http.get(saved.header("location")).status());
    }

    @Test
    void aWrongOrMissingCsrfTokenOrAnotherSitesFormSavesNothingAndKeepsTheText() {
        String slug = write("Skyddat mot förfalskning", "publish");
        var form = with(asa.editForm(slug), "title", "Förfalskad rubrik", "action", "save");
        var noTokenNoBrowser = http.send("POST", "/posts/" + slug + "/edit", "application/x-www-form-urlencoded",
                ("version=1&title=Utan+token&body=x&authorName=x").getBytes(StandardCharsets.UTF_8),
                null, Map.of("Cookie", asa.cookie));
        assertEquals(403, noTokenNoBrowser.status(), "no token, and no browser saying the form is the site's");
        for (var forged : List.of(with(form, "csrf", "fel"))) {
            var refused = asa.post("/posts/" + slug + "/edit", forged);
            assertEquals(403, refused.status());
            assertTrue(refused.body().contains("Formuläret kom inte från den här sidan"), refused.body());
            assertTrue(refused.body().contains("value=\"Förfalskad rubrik\""), "what was typed comes back");
            assertTrue(refused.body().contains("name=\"version\" value=\"1\""), "still the version the text was written from");
        }
        var crossSite = http.send("POST", "/posts/" + slug + "/edit", "application/x-www-form-urlencoded",
                ("csrf=" + asa.csrf + "&version=1&title=Fr%C3%A5n+annan+sajt&body=x&authorName=x").getBytes(StandardCharsets.UTF_8),
                null, Map.of("Cookie", asa.cookie, "Origin", "https://elak.example"));
        assertEquals(403, crossSite.status());
        var signedOut = http.send("POST", "/posts/" + slug + "/edit", "application/x-www-form-urlencoded",
                "title=Utloggad+rubrik&body=Utloggad+text".getBytes(StandardCharsets.UTF_8), null, Map.of());
        assertEquals(403, signedOut.status());
        assertTrue(signedOut.body().contains("Du är inte inloggad") && signedOut.body().contains("Utloggad text"));
        assertEquals("Skyddat mot förfalskning", asa.editForm(slug).get("title"), "nothing changed");
        assertEquals("1", asa.editForm(slug).get("version"));
    }

    /**
     * The edit form sent from a page of an earlier session comes back with this session's token and the version its text
     * was written from, not the post's now: sent again after another tab saved, it meets that change, never saves over it.
     */
    @Test
    void anEditFormOfAnEarlierSessionSentAgainStillMeetsAChangeMadeMeanwhile() {
        String slug = write("Gammal flik", "publish");
        var oldTab = tabOpenedBeforeAnEdit(slug, "Ändrad i en ny flik");
        var refused = asa.post("/posts/" + slug + "/edit", with(oldTab, "csrf", "fran-en-tidigare-inloggning", "body", "Den gamla flikens text.",
                "action", "save"));
        assertEquals(403, refused.status());
        assertSentAgainMeetsTheChangeMadeMeanwhile(slug, refused.body(), "Ändrad i en ny flik");
    }

    /**
     * Another site's page that posts the edit form, the new post's or the profile (the browser sends no Lax cookie with it)
     * must not get it shown again filled with its own text, as a signed-out author's is kept, for the author's next Enter,
     * signed in, to save under their name; from a sibling subdomain, which the cookie does reach, the page would even carry
     * the session's CSRF token. Such a POST is refused before it is read, nothing of it is shown, and nothing changes.
     */
    @Test
    void anotherSitesFormIsRefusedWithNothingOfItShownAgain() {
        String slug = write("Inte din att ändra", "publish");
        String version = asa.editForm(slug).get("version");
        byte[] forged = ("version=" + version + "&title=Kapad+rubrik&body=Kapad+text&authorName=%C3%85sa&action=save")
                .getBytes(StandardCharsets.UTF_8);
        for (var browser : List.of(
                Map.of("Origin", "https://elak.example", "Sec-Fetch-Site", "cross-site"),
                Map.of("Cookie", asa.cookie, "Origin", "https://annan.blogg.example.se", "Sec-Fetch-Site", "same-site"))) {
            for (String path : List.of("/posts/" + slug + "/edit", "/write", "/profile")) {
                var refused = http.send("POST", path, "application/x-www-form-urlencoded", forged, null, browser);
                assertEquals(403, refused.status(), path + ": " + refused.body());
                assertTrue(refused.body().contains("Formuläret skickades från en annan webbplats"), refused.body());
                assertFalse(refused.body().contains("Kapad"), path + " shows nothing of what was posted: " + refused.body());
                assertFalse(refused.body().contains("name=\"csrf\""), path + " shows no token");
                assertFalse(refused.body().contains("method=\"post\""), path + " has no form to send on: " + refused.body());
            }
        }
        assertEquals("Inte din att ändra", asa.editForm(slug).get("title"));
        assertFalse(asa.allPages("/drafts").contains("Kapad"));
        // Another site's POST to /signout neither ends the session nor clears the cookie.
        var signOut = http.send("POST", "/signout", "application/x-www-form-urlencoded", new byte[0], null,
                Map.of("Origin", "https://elak.example", "Sec-Fetch-Site", "cross-site"));
        assertEquals(403, signOut.status());
        assertTrue(signOut.headers().allValues("set-cookie").isEmpty(), signOut.headers().allValues("set-cookie").toString());
        assertEquals(200, asa.get("/drafts").status(), "still signed in");
    }

    /**
     * Behind CloudFront the browser's Origin is the distribution's name, which the request's Host (API Gateway's) is not;
     * only the SiteHost function's header names it. Without it every form would be refused as another site's on a stack
     * without a custom domain.
     */
    @Test
    void aFormSentThroughCloudFrontSaves() {
        String slug = write("Via CloudFront", "publish");
        var form = with(asa.editForm(slug), "title", "Via CloudFront, ändrad", "action", "save");
        var saved = asa.post("/posts/" + slug + "/edit", form, Map.of("Sec-Fetch-Site", "same-origin",
                "Origin", "https://d111111abcdef8.cloudfront.net", "X-Inlagg-Site-Host", "d111111abcdef8.cloudfront.net"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("Via CloudFront, ändrad", asa.editForm(slug).get("title"));
    }

    /**
     * Signed out while editing, then signed in again in another tab, the author saves in one click, not three through two
     * wrong messages ("not from this page", "someone changed the post").
     */
    @Test
    void anEditFormShownWhileSignedOutSavesInOneClickOnceSignedInAgain() {
        String slug = write("Utloggad mitt i", "publish");
        String version = asa.editForm(slug).get("version");
        var signedOut = http.send("POST", "/posts/" + slug + "/edit", "application/x-www-form-urlencoded",
                ("version=" + version + "&title=Utloggad+mitt+i&body=Texten+skriven+utloggad.&authorName=%C3%85sa&action=save")
                        .getBytes(StandardCharsets.UTF_8), null, Map.of("Origin", "http://" + http.base().getAuthority()));
        assertEquals(403, signedOut.status());
        assertTrue(signedOut.body().contains("logga in i en ny flik och spara sedan här igen"), signedOut.body());
        var kept = AuthorBrowser.fields(signedOut.body());
        assertEquals(version, kept.get("version"), "the form keeps the version the text was written from");
        assertEquals("", kept.get("csrf"));
        // Signed in again (asa's session stands for the new one): the same form, as the browser sends it, saves at once.
        var saved = asa.post("/posts/" + slug + "/edit", with(kept, "action", "save"));
        assertEquals(303, saved.status(), saved.body());
        assertTrue(http.get("/posts/" + slug).body().contains("Texten skriven utloggad."));
        // The new post's form likewise.
        var newSignedOut = http.send("POST", "/write", "application/x-www-form-urlencoded",
                ("formId=utloggad-ny&title=Ny+utloggad&body=Skriven+utloggad.&authorName=%C3%85sa&action=publish")
                        .getBytes(StandardCharsets.UTF_8), null, Map.of("Origin", "http://" + http.base().getAuthority()));
        assertEquals(403, newSignedOut.status());
        assertTrue(newSignedOut.body().contains("logga in i en ny flik och spara sedan här igen"), newSignedOut.body());
        var newSaved = asa.post("/write", with(AuthorBrowser.fields(newSignedOut.body()), "action", "publish"));
        assertEquals(303, newSaved.status(), newSaved.body());
        assertTrue(http.get(newSaved.header("location")).body().contains("Skriven utloggad."));
        // Only those forms go without a token: a delete or a publish without one is refused, whatever the browser says.
        String version2 = asa.editForm(slug).get("version");
        assertEquals(403, asa.post("/posts/" + slug + "/delete", Map.of("csrf", "", "version", version2, "confirm", "ja")).status());
        assertEquals(403, asa.post("/posts/" + slug + "/unpublish", Map.of("csrf", "", "version", version2)).status());
        assertEquals(200, http.get("/posts/" + slug).status(), "still there, still published");
    }

    /**
     * A form too large to read must not answer a page whose header says "Logga in" to an author who is signed in, who
     * would take themselves for signed out. An error page shows the signed-in author as signed in.
     */
    @Test
    void anErrorPageShowsASignedInAuthorAsSignedIn() {
        var tooLarge = asa.post("/write", Map.of("csrf", asa.csrf, "title", "Stort", "body", "Ö".repeat(600_000)));
        assertEquals(413, tooLarge.status());
        var missing = asa.get("/posts/finns-inte-har");
        assertEquals(404, missing.status());
        for (var page : List.of(tooLarge, missing)) {
            assertTrue(page.body().contains(">Logga ut</button>") && page.body().contains("href=\"/drafts\""), page.body());
            assertFalse(page.body().contains(">Logga in</a>"), page.body());
            assertEquals("no-store", page.header("cache-control"));
        }
        assertTrue(http.get("/posts/finns-inte-har").body().contains(">Logga in</a>"), "to anyone else, the way to sign in");
    }

    /**
     * The first sending makes the post, but its answer never comes. Sent again once the session has ended (or from a page
     * of an earlier session), the form comes back under its own id, so sent once more after signing in it answers that
     * post, not a second ("…-2").
     */
    @Test
    void aFormSentAgainAfterItsSessionEndedAnswersThePostItMadeNeverASecond() {
        var tab = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        var form = with(AuthorBrowser.fields(tab.get("/write").body()), "title", "Svaret kom aldrig fram", "body", "Sparat en gång.",
                "action", "draft");
        var first = tab.post("/write", form);
        assertEquals(303, first.status(), first.body());
        assertEquals(303, tab.post("/signout", Map.of("csrf", tab.csrf)).status());
        var signedOut = tab.post("/write", form);
        assertEquals(403, signedOut.status(), "the browser sends it again, and the session has ended");
        var kept = AuthorBrowser.fields(signedOut.body());
        assertEquals(form.get("formId"), kept.get("formId"), "the form's own id, the one that made the post");
        assertNotEquals(form.get("shown"), kept.get("shown"), "another showing of it");
        var resent = AuthorBrowser.signIn(http, ServerExtension.TOKEN).post("/write", with(kept, "action", "draft"));
        assertEquals(303, resent.status(), resent.body());
        assertEquals(first.header("location"), resent.header("location"), "the post it made");

        // From a page of an earlier session (signed in again since): refused for its token, and sent again it is the same form.
        var other = with(AuthorBrowser.fields(asa.get("/write").body()), "title", "Svaret kom inte heller fram", "body", "Också en gång.",
                "action", "publish");
        var made = asa.post("/write", other);
        assertEquals(303, made.status(), made.body());
        var stale = asa.post("/write", with(other, "csrf", "fran-en-tidigare-inloggning"));
        assertEquals(403, stale.status());
        var again = asa.post("/write", with(AuthorBrowser.fields(stale.body()), "action", "publish"));
        assertEquals(made.header("location"), again.header("location"), again.body());

        String mine = asa.allPages("/drafts");
        assertEquals(1, mine.split(">Svaret kom aldrig fram<", -1).length - 1, "one post: " + mine);
        assertEquals(1, mine.split(">Svaret kom inte heller fram<", -1).length - 1, "one post: " + mine);
    }

    /**
     * A form given back to an author signed out meanwhile says to sign in in a new tab, and its "Logga in" opens one, not
     * leading away from the page holding the text; and the profile given back with an empty token is taken when sent again
     * after signing in, not refused once more.
     */
    @Test
    void aFormGivenBackSignedOutSignsInInANewTabAndSavesAtOnceAfterwards() {
        String slug = write("Inloggning i en ny flik", "draft");
        var fromTheSite = Map.of("Origin", "http://" + http.base().getAuthority());
        String newTab = "<a href=\"/signin?next=%2Fdrafts%3Fdone%3Dsignedin\" target=\"_blank\" rel=\"noopener\">"
                + "Logga in<span class=\"visually-hidden\"> (öppnas i en ny flik)</span></a>";
        Map<String, String> sent = Map.of(
                "/write", "formId=ny-flik&title=Ny+flik&body=Skriven+utloggad.&authorName=%C3%85sa&action=draft",
                "/posts/" + slug + "/edit", "version=1&title=Ny+flik&body=Skriven+utloggad.&authorName=%C3%85sa&action=save",
                "/profile", "name=Namn+skrivet+utloggad&role=&office=");
        sent.forEach((path, body) -> {
            var signedOut = http.send("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
                    null, fromTheSite);
            assertEquals(403, signedOut.status(), path);
            assertTrue(signedOut.body().contains("logga in i en ny flik och spara sedan här igen"), path + ": " + signedOut.body());
            assertTrue(signedOut.body().contains(newTab), path + ": " + signedOut.body());
            assertFalse(signedOut.body().contains("href=\"/signin\""), path + ": no link away from the text in this tab");
        });
        assertTrue(http.get("/").body().contains("<li><a href=\"/signin\">Logga in</a></li>"), "a reader's page signs in in its own tab");
        // The new tab signs in to "Mina inlägg", which says where the text is.
        assertTrue(http.get("/signin?next=%2Fdrafts%3Fdone%3Dsignedin").body().contains("name=\"next\" value=\"/drafts?done=signedin\""));
        var signedIn = http.signIn(ServerExtension.TOKEN, Map.of(), "/drafts?done=signedin");
        assertEquals("/drafts?done=signedin", signedIn.header("location"));
        assertTrue(asa.get("/drafts?done=signedin").body().contains("Du är inloggad. Det du skrev finns kvar i den andra fliken"));

        // The profile given back signed out is saved at the first click once signed in, as the post's forms are.
        var cecilia = AuthorBrowser.signIn(http, AuthorBrowser.newAuthor(env.server, "Cecilia Holm", "profil-forfattare-" + UUID.randomUUID()));
        var profile = http.send("POST", "/profile", "application/x-www-form-urlencoded",
                "name=Cecilia+Holm-Berg&role=Handl%C3%A4ggare&office=".getBytes(StandardCharsets.UTF_8), null, fromTheSite);
        assertEquals(403, profile.status());
        var kept = AuthorBrowser.fields(profile.body());
        assertEquals("Cecilia Holm-Berg", kept.get("name"));
        assertEquals("", kept.get("csrf"));
        var saved = cecilia.post("/profile", kept);
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/profile?done=profile", saved.header("location"));
        String afterSaving = cecilia.get("/profile?done=profile").body();
        assertEquals("Handläggare", AuthorBrowser.fields(afterSaving).get("role"));
        // Said as a thing done, where the focus lands, so a screen reader reads it; not in the warning's yellow as a refusal
        // is. Her own name, role and office say so to a browser's autofill (WCAG 1.3.5).
        assertTrue(afterSaving.contains("<p class=\"done\" role=\"status\" tabindex=\"-1\" autofocus>Din profil är sparad."), afterSaving);
        assertFalse(afterSaving.contains("class=\"notice\""), afterSaving);
        assertTrue(afterSaving.contains("<input id=\"name\" name=\"name\" value=\"Cecilia Holm-Berg\" autocomplete=\"name\"")
                && afterSaving.contains("name=\"role\" value=\"Handläggare\" autocomplete=\"organization-title\"")
                && afterSaving.contains("name=\"office\" value=\"\" autocomplete=\"organization\""), afterSaving);
        assertEquals(403, cecilia.post("/profile", with(kept, "csrf", "fel")).status(), "a wrong token is refused as ever");
    }

    @Test
    void theBylineComesFromTheProfileWhichTheAuthorChangesThemselves() {
        var write = AuthorBrowser.fields(other.get("/write").body());
        assertEquals("Bertil Ek", write.get("authorName"));
        assertEquals("Kriminalvårdare", write.get("authorRole"));
        assertEquals("Anstalten Ystad", write.get("authorOffice"));

        var profile = AuthorBrowser.fields(other.get("/profile").body());
        assertEquals("Bertil Ek", profile.get("name"));
        var empty = other.post("/profile", Map.of("csrf", other.csrf, "name", " ", "role", "Chef", "office", "Ystad"));
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("Namn: får inte vara tomt") && empty.body().contains("value=\"Chef\""), empty.body());
        assertEquals(403, other.post("/profile", Map.of("csrf", "fel", "name", "Kapad")).status());

        var saved = other.post("/profile", Map.of("csrf", other.csrf, "name", "Bertil Ek-Öberg", "role", "Enhetschef", "office", "Frivården Malmö"));
        assertEquals("/profile?done=profile", saved.header("location"));
        var after = AuthorBrowser.fields(other.get("/write").body());
        assertEquals("Bertil Ek-Öberg", after.get("authorName"));
        assertEquals("Enhetschef", after.get("authorRole"));
        assertEquals("Frivården Malmö", after.get("authorOffice"));
    }

    /**
     * A role or office the author empties in the profile is gone from the byline of what they write next: one who has left
     * the post or the office named there must not keep signing with it.
     */
    @Test
    void aRoleOrOfficeEmptiedInTheProfileIsGoneFromTheByline() {
        var david = AuthorBrowser.signIn(http, AuthorBrowser.newAuthor(env.server, "David Dahl", "tom-roll-" + UUID.randomUUID()));
        var noRole = david.post("/profile", Map.of("csrf", david.csrf, "name", "David Dahl", "role", "", "office", "Frivården Lund"));
        assertEquals("/profile?done=profile", noRole.header("location"), noRole.body());
        var byline = AuthorBrowser.fields(david.get("/write").body());
        assertEquals("", byline.getOrDefault("authorRole", ""), "the old role is not kept: " + byline);
        assertEquals("Frivården Lund", byline.get("authorOffice"));

        var noOffice = david.post("/profile", Map.of("csrf", david.csrf, "name", "David Dahl", "role", "Handläggare", "office", ""));
        assertEquals("/profile?done=profile", noOffice.header("location"), noOffice.body());
        byline = AuthorBrowser.fields(david.get("/write").body());
        assertEquals("Handläggare", byline.get("authorRole"));
        assertEquals("", byline.getOrDefault("authorOffice", ""), "the old office is not kept: " + byline);
    }

    /** Signed in from an author's page, the author comes back to it, not always to /write. */
    @Test
    void authorPagesSendReadersToSignInAndBackOnceSignedIn() {
        for (String path : List.of("/drafts", "/profile", "/posts/x/edit", "/posts/x/preview", "/posts/x/delete", "/drafts?cursor=abc")) {
            var reply = http.get(path);
            assertEquals(303, reply.status(), path);
            assertEquals("/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8), reply.header("location"), path);
        }
        String slug = write("Tillbaka efter inloggningen", "draft");
        String form = http.get("/signin?next=%2Fposts%2F" + slug + "%2Fedit").body();
        assertTrue(form.contains("<input type=\"hidden\" name=\"next\" value=\"/posts/" + slug + "/edit\">"), form);
        var signedIn = http.signIn(ServerExtension.TOKEN, Map.of(), "/posts/" + slug + "/edit");
        assertEquals("/posts/" + slug + "/edit", signedIn.header("location"), "back where the author was");
        for (String elsewhere : List.of("https://elak.example/", "//elak.example/", "/\\elak.example", "javascript:alert(1)")) {
            var away = http.signIn(ServerExtension.TOKEN, Map.of(), elsewhere);
            assertEquals("/write", away.header("location"), "never to another site: " + elsewhere);
        }
    }
}
