package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.inlagg.http.Caching;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;

/**
 * The form for a new post, over HTTP as a browser without JavaScript sends it: what is typed and pasted is saved as
 * meant, a refused link or picture comes back in Swedish with the text kept, and a form sent twice (a double click, Back
 * and again, a mended typo) changes the post it made, never makes a second.
 */
class WritingFormEndToEndTest extends AuthorPagesTest {

    /**
     * An author's pages load the site's one script, which keeps unsaved words of a post's form in their browser (BrowserTest
     * runs it): from the site's own address, under a hashed name kept a year, keyed by a hash of the author (never their
     * id) and the form's address; the author pages' policy lets the site's own script run, readers' pages still allow none,
     * and signing out clears what the site stored in the browser.
     */
    @Test
    void anAuthorsPagesLoadTheScriptThatKeepsUnsavedWordsAndOnlyTheyMayRunIt() {
        var page = asa.get("/write");
        assertTrue(page.body().contains("<form method=\"post\" action=\"/write\" class=\"write\" accept-charset=\"utf-8\" novalidate data-utkast=\"/write\">"),
                page.body());
        var script = Pattern.compile("<script src=\"(/assets/utkast\\.[A-Za-z0-9]{10}\\.js)\" data-utkast-av=\"([0-9a-f]{16})\" defer></script>")
                .matcher(page.body());
        assertTrue(script.find(), page.body());
        assertTrue(page.header("content-security-policy").contains("script-src 'self';"), page.header("content-security-policy"));
        var reader = http.get("/");
        assertFalse(reader.header("content-security-policy").contains("script-src"), "readers' pages run no script");
        assertFalse(reader.body().contains("<script src="), "nor load one");

        String slug = write("Formulär som sparar utkast", "draft");
        String edit = asa.get("/posts/" + slug + "/edit").body();
        assertTrue(edit.contains(" data-utkast=\"/posts/" + slug + "/edit\">"), edit);
        assertTrue(edit.contains("<script src=\"" + script.group(1) + "\" data-utkast-av=\"" + script.group(2) + "\" defer></script>"));
        assertFalse(asa.get("/profile").body().contains("data-utkast="), "only a post's forms keep words");

        var file = http.get(script.group(1));
        assertEquals(200, file.status());
        assertEquals("text/javascript; charset=utf-8", file.header("content-type"));
        assertEquals(Caching.IMMUTABLE, file.header("cache-control"));
        assertTrue(file.body().contains("localStorage"));
        assertEquals(404, http.get("/assets/utkast.js.map").status());

        var other = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        var out = other.post("/signout", Map.of("csrf", other.csrf));
        assertEquals(303, out.status(), out.body());
        assertEquals("\"storage\"", out.header("clear-site-data"), "signing out leaves no kept words in the browser");
    }

    /** Pasted tabs and Word's line breaks are not refused unseen, and Word's bullets make a list. */
    @Test
    void textPastedFromWordOrASpreadsheetIsSavedAsMeant() {
        Map<String, String> typed = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        typed.putAll(Map.of("title", "Klistrat\tfrån kalkylbladet", "body", "Inledning.\u000Bsamma stycke\n\n•\tFörsta punkten\n•\tAndra punkten",
                "tags", "Fika\tJul", "action", "publish"));
        var written = asa.post("/write", typed);
        assertEquals(303, written.status(), written.body());
        String slug = written.header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        assertEquals("klistrat-fran-kalkylbladet", slug);
        var post = http.get("/api/posts/" + slug).json();
        assertEquals("Klistrat från kalkylbladet", post.path("title").asText());
        assertEquals("Fika Jul", post.path("tags").path(0).path("name").asText(post.path("tags").path(0).asText()));
        String page = http.get("/posts/" + slug).body();
        assertTrue(page.contains("<ul>\n<li>Första punkten</li>\n<li>Andra punkten</li>\n</ul>"), page);
        assertTrue(page.contains("<p>Inledning.<br />\nsamma stycke</p>"), "Word's line break shows as one: " + page);
    }

    @Test
    void aPictureByItsAddressNeedsItsAltTextOnThePages() {
        // The form saves no picture without alt text, as an upload requires it.
        String slug = write("Bild utan beskrivning", "draft");
        var refused = asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "imageUrl", "https://bilder.example.se/a.jpg",
                "imageAlt", "", "action", "save"));
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("id=\"imageAlt-error\""), refused.body());
        assertTrue(refused.body().contains("value=\"https://bilder.example.se/a.jpg\""), "what was typed is kept");
        assertEquals("", asa.editForm(slug).get("imageUrl"), "nothing saved");
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "imageUrl", "https://bilder.example.se/a.jpg",
                "imageAlt", "Kontoret i Ystad", "action", "save")).status());

        Map<String, String> typed = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        typed.putAll(Map.of("title", "Ny bild utan beskrivning", "body", "Text.", "imageUrl", "https://bilder.example.se/b.jpg", "action", "draft"));
        var newRefused = asa.post("/write", typed);
        assertEquals(400, newRefused.status());
        assertTrue(newRefused.body().contains("id=\"imageAlt-error\""), newRefused.body());
        assertEquals(404, asa.get("/posts/ny-bild-utan-beskrivning/edit").status(), "no post made");
    }

    /**
     * The form stores no picture's address with a user name and password, which every reader of the post would be sent,
     * nor a port no server has; https://ß.de/… is not stored as https://ss.de/…, another domain.
     */
    @Test
    void aPictureAddressWithAPasswordOrAPortNoServerHasIsRefusedInSwedish() {
        String slug = write("Bild med lösenord", "draft");
        Map<String, String> refused = Map.of(
                "https://user:pw@example.se/bild.jpg", "får inte innehålla användarnamn eller lösenord (det som står före @ i adressen)",
                "https://example.se:99999/bild.jpg", "måste vara en giltig webbadress: portnumret efter kolonet måste vara ett tal från 1 till 65\u00A0535",
                "https://example.se:x/bild.jpg", "måste vara en giltig webbadress: portnumret efter kolonet måste vara ett tal från 1 till 65\u00A0535");
        refused.forEach((url, message) -> {
            var reply = asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "imageUrl", url, "imageAlt", "Köket", "action", "save"));
            assertEquals(400, reply.status(), url);
            assertTrue(reply.body().contains("<span class=\"error\" id=\"imageUrl-error\">" + message), reply.body());
        });
        assertEquals("", asa.editForm(slug).get("imageUrl"), "nothing saved");
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "imageUrl", "https://ß.de/bild.jpg",
                "imageAlt", "Gatan", "action", "save")).status());
        assertEquals("https://xn--zca.de/bild.jpg", asa.editForm(slug).get("imageUrl"), "the domain a browser opens");
    }

    /**
     * A link or a picture in the text at "https://user:pw@…", saved, would send every reader of the post the password. The
     * writing and the edit form say so in Swedish beside the text, naming the host, keep what was typed and save nothing.
     */
    @Test
    void aTextLinkingToAnAddressWithAPasswordIsRefusedInSwedishWithTheTextKept() {
        String message = "<span class=\"error\" id=\"body-error\">får inte länka till eller visa en adress med användarnamn eller lösenord "
                + "(det som står före @ i adressen): alla som läser inlägget skulle få dem. Ta bort dem ur adressen till intra.example</span>";
        Map<String, String> typed = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        typed.putAll(Map.of("title", "Rapport med lösenord", "body", "Läs [rapporten](https://anna:hemligt@intra.example/rapport).\n\n"
                + "![Kartan](https://anna:hemligt@intra.example/karta.jpg)", "tags", "Rutiner", "action", "publish"));
        var written = asa.post("/write", typed);
        assertEquals(400, written.status());
        assertTrue(written.body().contains(message), written.body());
        assertEquals(typed.get("body"), AuthorBrowser.fields(written.body()).get("body").replace("\r", ""), "the text as typed");
        assertEquals(404, asa.get("/posts/rapport-med-losenord/edit").status(), "no post made");

        String slug = write("Rapport utan lösenord", "publish");
        var before = asa.editForm(slug);
        var edited = asa.post("/posts/" + slug + "/edit", with(before, "body", "Se https://anna:hemligt@intra.example/lista.", "action", "save"));
        assertEquals(400, edited.status());
        assertTrue(edited.body().contains(message), "a bare address is a link too: " + edited.body());
        assertEquals(before.get("body"), asa.editForm(slug).get("body"), "nothing saved");

        // An excerpt of the author's own is refused so too: read without the password, it would change unseen.
        var excerpt = asa.post("/posts/" + slug + "/edit", with(before, "excerpt", "Läs på https://anna:hemligt@intra.example/x.", "action", "save"));
        assertEquals(400, excerpt.status());
        assertTrue(excerpt.body().contains(message.replace("body-error", "excerpt-error")), excerpt.body());
        assertEquals("Läs på https://anna:hemligt@intra.example/x.", AuthorBrowser.fields(excerpt.body()).get("excerpt"), "as typed");
        assertEquals(before.get("excerpt"), asa.editForm(slug).get("excerpt"), "nothing saved");
    }

    /**
     * Found by a browser probe: a new post could not be previewed before it was saved and found again. Found by a newcomer:
     * the preview then did not say the draft was saved, as it says the edit form's changes were.
     */
    @Test
    void aNewPostCanBeSavedAsADraftAndPreviewedInOneClick() {
        Map<String, String> form = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        assertTrue(asa.get("/write").body().contains("value=\"preview\""), "the button is there");
        assertTrue(asa.get("/write").body().matches("(?s).*<textarea id=\"body\"[^>]* required>.*"), "the text is marked required, as the rules require it");
        form.putAll(Map.of("title", "Förhandsgranskad direkt", "body", "Text att se först.", "action", "preview"));
        var saved = asa.post("/write", form);
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/posts/forhandsgranskad-direkt/preview?done=drafted", saved.header("location"));
        var preview = asa.get(saved.header("location"));
        assertEquals(200, preview.status());
        assertTrue(preview.body().contains("Utkastet är sparat. Det syns bara för dig tills du publicerar det."), preview.body());
        assertFalse(asa.get("/posts/forhandsgranskad-direkt/preview?done=published").body().contains("Inlägget är publicerat"),
                "an address made up to say published says nothing of a draft");
        assertFalse(asa.get("/posts/forhandsgranskad-direkt/preview").body().contains("Utkastet är sparat."), "said only after the save");
        assertEquals(404, http.get("/posts/forhandsgranskad-direkt").status(), "a draft, until published");
    }

    /** What the writing form did is said on the post to its author, and only when the post is so. */
    @Test
    void whatTheWritingFormDidIsSaidToItsAuthorOnlyAndOnlyIfItIsSo() {
        String published = write("Sagt till rätt person", "publish");
        assertTrue(asa.get("/posts/" + published + "?done=published").body().contains("Inlägget är publicerat och syns för alla."));
        assertFalse(other.get("/posts/" + published + "?done=published").body().contains("Inlägget är publicerat"), "another author");
        assertFalse(http.get("/posts/" + published + "?done=published").body().contains("Inlägget är publicerat"), "a reader");
        assertFalse(asa.get("/posts/" + published + "?done=drafted").body().contains("Utkastet är sparat"), "not what the post is");
        assertFalse(asa.get("/posts/" + published + "/preview?done=published").body().contains("Inlägget är publicerat och syns för alla."),
                "the preview says what the writing form did only of the draft it saved on its way there");
        String draft = write("Sparat som utkast här", "draft");
        assertTrue(asa.get("/posts/" + draft + "?done=drafted").body().contains("Utkastet är sparat."));
        assertFalse(asa.get("/posts/" + draft + "?done=published").body().contains("Inlägget är publicerat"), "a link made up");
        // Published from the edit form with a date to come, it says scheduled, as the writing form does.
        var scheduled = asa.post("/posts/" + draft + "/edit", with(asa.editForm(draft), "publishedAt", "2031-06-01 09:00", "action", "publish"));
        assertEquals("/posts/" + draft + "/edit?done=scheduled&post=" + draft, scheduled.header("location"), scheduled.body());
    }

    /**
     * Back to the form after publishing, a typo mended and sent again mends the post: it is not "sent already with other
     * content", with a second post at the next click.
     */
    @Test
    void aFormSentAgainWithATypoMendedChangesThePostItMadeNotASecondOne() {
        Map<String, String> form = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        form.putAll(Map.of("title", "Skickat två gånger", "body", "Ett stavfle.", "tags", "Frivård", "action", "publish"));
        var first = asa.post("/write", form);
        assertEquals(303, first.status(), first.body());
        String slug = first.header("location").replaceFirst("\\?.*", "").replace("/posts/", "");

        var again = asa.post("/write", with(form, "body", "Ett stavfel rättat."));
        assertEquals(303, again.status(), again.body());
        assertEquals("/posts/" + slug + "?done=published", again.header("location"), "the same post");
        assertTrue(http.get("/posts/" + slug).body().contains("Ett stavfel rättat."));
        var doubleClicked = asa.post("/write", with(form, "body", "Ett stavfel rättat."));
        assertEquals("/posts/" + slug + "?done=published", doubleClicked.header("location"),
                "the mended form clicked twice: the post says it already");
        assertEquals(404, http.get("/posts/" + slug + "-2").status(), "no second post");

        // Changed since (here by the mend itself): the text comes back in the post's edit form, beside the post as stored,
        // and saved from there it changes that post, never a second one.
        var third = asa.post("/write", with(form, "body", "En tredje version."));
        assertEquals(409, third.status());
        assertStoredBesideTyped(third.body(), slug, "Skickat två gånger", "Ett stavfel rättat.", "En tredje version.");
        assertEquals(404, http.get("/posts/" + slug + "-2").status(), "still no second post");
        assertTrue(http.get("/posts/" + slug).body().contains("Ett stavfel rättat."), "nothing written over");
        var chosen = asa.post("/posts/" + slug + "/edit", with(AuthorBrowser.fields(third.body()), "action", "save"));
        assertEquals(303, chosen.status(), chosen.body());
        assertTrue(http.get("/posts/" + slug).body().contains("En tredje version."), "saved over it, as chosen");
        assertEquals(404, http.get("/posts/" + slug + "-2").status(), "and no second post");

        // A mend refused for a rule comes back as another showing of the form, which may hold older text than the post:
        // once put right, it is shown beside the post it made, and saved into that post from there.
        Map<String, String> other = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        other.putAll(Map.of("title", "Lagad efter fel", "body", "Först.", "action", "publish"));
        String made = asa.post("/write", other).header("location");
        String madeSlug = made.replaceFirst("\\?.*", "").replace("/posts/", "");
        var broken = asa.post("/write", with(other, "title", ""));
        assertEquals(400, broken.status());
        var mended = asa.post("/write", with(AuthorBrowser.fields(broken.body()), "title", "Lagad efter fel", "body", "Sedan rättad.",
                "action", "publish"));
        assertEquals(409, mended.status(), mended.body());
        assertStoredBesideTyped(mended.body(), madeSlug, "Lagad efter fel", "Först.", "Sedan rättad.");
        assertEquals(303, asa.post("/posts/" + madeSlug + "/edit", with(AuthorBrowser.fields(mended.body()), "action", "save")).status());
        assertTrue(http.get("/posts/" + madeSlug).body().contains("Sedan rättad."));
    }

    /**
     * A form refused (a date February lacks), put right with much more text and published; back, the browser asks to send
     * the refused form again, and it comes back refused once more; put right again and sent, its older text must not
     * replace the published post's unsaid. Only the page that made a post mends it when sent again; any other showing of
     * the form is shown beside the post, and nothing is saved over it unasked.
     */
    @Test
    void anOlderShowingOfTheFormSentAgainNeverWritesOverThePostItMade() {
        Map<String, String> blank = AuthorBrowser.fields(asa.get("/write").body());
        Map<String, String> older = with(blank, "title", "Julfest på kontoret", "body", "Första utkastet.", "publishedAt", "2027-02-29",
                "action", "publish");
        var refused = asa.post("/write", older);
        assertEquals(400, refused.status(), refused.body());
        var published = asa.post("/write", with(AuthorBrowser.fields(refused.body()), "publishedAt", "",
                "body", "Första utkastet, och sedan mycket mer: program, mat och musik.", "action", "publish"));
        assertEquals(303, published.status(), published.body());
        String slug = published.header("location").replaceFirst("\\?.*", "").replace("/posts/", "");

        // Back, and the browser sends the refused form again: refused again, as it was.
        var resent = asa.post("/write", older);
        assertEquals(400, resent.status(), resent.body());
        assertTrue(resent.body().contains("Första utkastet.</textarea>"), resent.body());
        var putRight = asa.post("/write", with(AuthorBrowser.fields(resent.body()), "publishedAt", "", "action", "publish"));
        assertEquals(409, putRight.status(), putRight.body());
        assertStoredBesideTyped(putRight.body(), slug, "Julfest på kontoret", "Första utkastet, och sedan mycket mer: program, mat och musik.",
                "Första utkastet.");
        assertTrue(http.get("/posts/" + slug).body().contains("program, mat och musik"), "the published text stays");

        // The page before the refusal, sent as it is once more (a transient refusal of it gone now): the same.
        var first = asa.post("/write", with(older, "publishedAt", ""));
        assertEquals(409, first.status(), first.body());
        assertTrue(http.get("/posts/" + slug).body().contains("program, mat och musik"), "the published text stays");
        assertEquals(404, http.get("/posts/" + slug + "-2").status(), "and no second post");

        // A form shown before showings had one (a tab open over the deploy that brought them) matches no page: it asks too.
        // Over a draft, the conflict offers to publish the version chosen ("Spara min version ändå" alone would keep the
        // draft a draft).
        Map<String, String> beforeDeploy = with(AuthorBrowser.fields(asa.get("/write").body()), "title", "Öppen över en driftsättning",
                "body", "Först.", "action", "draft");
        beforeDeploy.remove("shown");
        var drafted = asa.post("/write", beforeDeploy);
        assertEquals(303, drafted.status(), drafted.body());
        String draft = drafted.header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        var mend = asa.post("/write", with(beforeDeploy, "body", "Rättad.", "action", "publish"));
        assertEquals(409, mend.status(), mend.body());
        assertStoredBesideTyped(mend.body(), draft, "Öppen över en driftsättning", "Först.", "Rättad.");
        assertTrue(mend.body().contains("<h2 id=\"konflikt\">Det sparade inlägget och ditt formulär skiljer sig åt</h2>"), mend.body());
        assertTrue(mend.body().contains("value=\"publish\" class=\"secondary\">Spara min version ändå och publicera</button>"), mend.body());
        assertEquals(404, http.get("/posts/" + draft).status(), "still a draft");
        var chosen = asa.post("/posts/" + draft + "/edit", with(AuthorBrowser.fields(mend.body()), "action", "publish"));
        assertEquals(303, chosen.status(), chosen.body());
        assertTrue(http.get("/posts/" + draft).body().contains("Rättad."), "published, with the version chosen");
    }

    /** The post's edit form, 409, with the post as stored ({@code title}, {@code stored}) beside the text typed. */
    private static void assertStoredBesideTyped(String html, String slug, String title, String stored, String typed) {
        assertTrue(html.contains("<form method=\"post\" action=\"/posts/" + slug + "/edit\""), "the post's own edit form: " + html);
        assertTrue(html.contains("Formuläret har redan sparats som inlägget ”" + title + "”. Det du skickade nu är inte det som sparades"), html);
        assertTrue(html.contains("<pre class=\"stored-body\" tabindex=\"0\" role=\"region\" aria-label=\"Den sparade texten\">" + stored + "</pre>"),
                "the post as stored: " + html);
        assertEquals(typed, AuthorBrowser.fields(html).get("body"), "the text typed, kept in the form");
    }

    /** A browser sends a text area's lines ending in CR LF; the API answers them with newlines alone. */
    @Test
    void aTextWrittenInTheFormIsAnsweredWithNewlinesAlone() {
        Map<String, String> form = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        form.putAll(Map.of("title", "Rader från webbläsaren", "body", "Stycke ett.\r\n\r\n- punkt\r\n- punkt två", "action", "publish"));
        String slug = asa.post("/write", form).header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        assertEquals("Stycke ett.\n\n- punkt\n- punkt två", http.get("/api/posts/" + slug).json().path("body").asText());
    }

    @Test
    void aDoubleClickedSaveSavesOnceAndIsNoConflict() {
        String slug = write("Dubbelklick i redigeringen", "draft");
        var form = with(asa.editForm(slug), "title", "Dubbelklickad", "action", "save");
        assertEquals(303, asa.post("/posts/" + slug + "/edit", form).status());
        var again = asa.post("/posts/" + slug + "/edit", form);
        assertEquals(303, again.status(), again.body());
        assertEquals("2", asa.editForm(slug).get("version"), "one save");
    }

    /**
     * Back in the browser from the page that said a form sent again would be a new post, to a form the browser has filled in
     * again under a new id, "Publicera" must not make a second post of the same title unsaid. A new form with the title of a
     * post its author saved just now is asked about once, everything typed kept; sent again as it is, it is a post of its
     * own. A double click of the first form is still the one post.
     */
    @Test
    void aNewFormWithTheTitleOfAPostSavedJustNowIsAskedAboutOnceThenSavedAsAnother() {
        var tab = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        var first = with(AuthorBrowser.fields(tab.get("/write").body()), "title", "Fredagsfika på kontoret i Åre", "body", "Vi ses klockan tre.",
                "action", "publish");
        var made = tab.post("/write", first);
        assertEquals(303, made.status(), made.body());
        assertEquals(made.header("location"), tab.post("/write", first).header("location"), "sent twice: the one post");

        var again = with(AuthorBrowser.fields(tab.get("/write").body()), "title", "Fredagsfika på kontoret i Åre",
                "body", "Vi ses klockan tre, med kanelbullar.", "action", "publish");
        var asked = tab.post("/write", again);
        assertEquals(409, asked.status(), asked.body());
        assertTrue(asked.body().contains("Du har nyss sparat ett inlägg med rubriken ”Fredagsfika på kontoret i Åre”."), asked.body());
        var kept = AuthorBrowser.fields(asked.body());
        assertEquals("Vi ses klockan tre, med kanelbullar.", kept.get("body"), "everything typed is kept");
        assertEquals(again.get("formId"), kept.get("formId"), "the form's own id: it made nothing yet");
        assertEquals(200, http.get(made.header("location").replaceFirst("\\?.*", "")).status());
        assertEquals(404, http.get("/posts/fredagsfika-pa-kontoret-i-are-2").status(), "nothing saved");

        // A refusal after the question keeps it answered, so it is not asked again.
        var refused = tab.post("/write", with(kept, "publishedAt", "2027-02-29", "action", "publish"));
        assertEquals(400, refused.status(), refused.body());
        kept = AuthorBrowser.fields(refused.body());
        assertEquals("Fredagsfika på kontoret i Åre", kept.get("sameTitle"));
        var saved = tab.post("/write", with(kept, "publishedAt", "", "action", "publish"));
        assertEquals(303, saved.status(), saved.body());
        assertTrue(saved.header("location").startsWith("/posts/fredagsfika-pa-kontoret-i-are-2"), saved.header("location"));
        assertTrue(http.get("/posts/fredagsfika-pa-kontoret-i-are-2").body().contains("med kanelbullar"));

        var otherTitle = with(AuthorBrowser.fields(tab.get("/write").body()), "title", "Fredagsfika i Östersund", "body", "Klockan tre.",
                "action", "draft");
        assertEquals(303, tab.post("/write", otherTitle).status(), "another title is not asked about");
    }

    /**
     * The answer to the question is for the title it asked about: asked about one title and sent with the title of another
     * post saved just now, the form asks about that one, and saves nothing yet.
     */
    @Test
    void aFormAskedAboutOneTitleAndSentWithAnotherSavedJustNowIsAskedAgain() {
        var tab = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        for (String title : new String[] {"Personalmöte i Luleå", "Personalmöte i Kiruna"}) {
            var form = with(AuthorBrowser.fields(tab.get("/write").body()), "title", title, "body", "Klockan nio.", "action", "publish");
            assertEquals(303, tab.post("/write", form).status());
        }
        var asked = tab.post("/write", with(AuthorBrowser.fields(tab.get("/write").body()), "title", "Personalmöte i Luleå",
                "body", "Klockan tio.", "action", "publish"));
        assertEquals(409, asked.status(), asked.body());

        var other = tab.post("/write", with(AuthorBrowser.fields(asked.body()), "title", "Personalmöte i Kiruna", "action", "publish"));
        assertEquals(409, other.status(), other.body());
        assertTrue(other.body().contains("Du har nyss sparat ett inlägg med rubriken ”Personalmöte i Kiruna”."), other.body());
        assertEquals(404, http.get("/posts/personalmote-i-kiruna-2").status(), "nothing saved");
    }

    /**
     * Back to the form of a post its author has deleted since, and sent again: the text comes back to be saved as a new post,
     * and sent again from there it is one. The form it comes back in has an id of its own, or every sending would find the
     * deleted post's and the text could never be saved.
     */
    @Test
    void aFormWhosePostWasDeletedSinceIsSavedAsANewPostAtTheNextClick() {
        var form = with(AuthorBrowser.fields(asa.get("/write").body()), "title", "Raderat och skrivet igen", "body", "Första texten.",
                "action", "publish");
        String slug = asa.post("/write", form).header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        String version = AuthorBrowser.hidden(asa.get("/posts/" + slug + "/delete").body(), "version");
        assertEquals(303, asa.post("/posts/" + slug + "/delete", Map.of("csrf", asa.csrf, "version", version, "confirm", "ja")).status());

        var back = asa.post("/write", with(form, "body", "Andra texten, som ska sparas."));
        assertEquals(409, back.status(), back.body());
        assertTrue(back.body().contains("Andra texten, som ska sparas."), "the text is kept");
        var saved = asa.post("/write", with(AuthorBrowser.fields(back.body()), "action", "publish"));
        assertEquals(303, saved.status(), saved.body());
        assertTrue(http.get(saved.header("location").replaceFirst("\\?.*", "")).body().contains("Andra texten, som ska sparas."));
    }

    /** A comma typed after the last category, or two with only a space between, adds no category and refuses nothing. */
    @Test
    void aCommaWithNothingAfterItInTheCategoriesAddsNone() {
        var form = with(AuthorBrowser.fields(asa.get("/write").body()), "title", "Kommatecken på slutet", "body", "Text.",
                "tags", "Frivård, , Samverkan, ", "action", "publish");
        var saved = asa.post("/write", form);
        assertEquals(303, saved.status(), saved.body());
        String slug = saved.header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        assertEquals(List.of("Frivård", "Samverkan"), http.get("/api/posts/" + slug).json().path("tags").findValuesAsText("name"));
    }

    /**
     * A post saved in the very second the next form is sent counts as one saved just now: the Query of the author's posts
     * changed lately reads to the end of that second, not to its start, or the form sent at once after the first (as the
     * test above sends it, most times within the second) would make a second post of the same title unsaid.
     */
    @Test
    void aPostSavedInTheSameSecondIsOneSavedJustNow() {
        Clock oneSecond = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        try (var client = env.server.dynamoClient()) {
            String author = env.wiredTo(client).authors().authenticate("Bearer " + ServerExtension.TOKEN).orElseThrow();
            var posts = Wirings.on(client, env.server.tableName(), oneSecond).posts();
            var made = posts.create(LegacyPosts.draft("Samma sekund i Sundsvall"), author, Optional.empty());
            String id = ((Post) assertInstanceOf(Outcome.Done.class, made).value()).id();
            assertEquals(Optional.of(id), posts.sameTitleJustNow(author, "Samma sekund i Sundsvall", Optional.empty()).map(PostSummary::id));
        }
    }
}
