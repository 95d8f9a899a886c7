package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The author's round at the pages, over HTTP as a browser without JavaScript sends it: "Mina inlägg",
 * the edit form with its conflicts, the preview, publishing now, at a time and back to draft,
 * deleting with a confirmation, and the profile that fills the byline. Every refusal comes back as
 * a Swedish page (the form with what was typed, where there is one) and changes nothing.
 */
class AuthoringPagesEndToEndTest extends ServerTest {

    static final String OTHER_TOKEN = "annan-forfattare-" + java.util.UUID.randomUUID();
    static AuthorBrowser asa;
    static AuthorBrowser other;

    @BeforeAll
    static void signIn() {
        asa = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        other = AuthorBrowser.signIn(http, AuthorBrowser.newAuthor(env.server, "Bertil Ek", OTHER_TOKEN));
    }

    /** A post written at the form; answers its slug. */
    static String write(String title, String action) {
        return write(asa, title, action);
    }

    static String write(AuthorBrowser asa, String title, String action) {
        return asa.write(title, action);
    }

    static Map<String, String> with(Map<String, String> form, String... pairs) {
        Map<String, String> changed = new LinkedHashMap<>(form);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put(pairs[i], pairs[i + 1]);
        }
        return changed;
    }

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
        var script = java.util.regex.Pattern.compile("<script src=\"(/assets/utkast\\.[A-Za-z0-9]{10}\\.js)\" data-utkast-av=\"([0-9a-f]{16})\" defer></script>")
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
        assertEquals(se.inlagg.http.Caching.IMMUTABLE, file.header("cache-control"));
        assertTrue(file.body().contains("localStorage"));
        assertEquals(404, http.get("/assets/utkast.js.map").status());

        var other = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        var out = other.post("/signout", Map.of("csrf", other.csrf));
        assertEquals(303, out.status(), out.body());
        assertEquals("\"storage\"", out.header("clear-site-data"), "signing out leaves no kept words in the browser");
    }

    @Test
    void myPostsListsDraftsScheduledAndPublishedNewestFirstWithTheirActions() {
        // Changes a second apart: the list sorts by the time of the last change, to the second. The first a second after
        // what the tests before this one wrote too, or their posts may share the draft's second, sort before it and take the
        // whole first page.
        pause();
        String draft = write("Mitt utkast om fika", "draft");
        pause();
        String published = write("Publicerat om fika", "publish");
        pause();
        String scheduled = write("Schemalagt om fika", "draft");
        pause();
        var form = AuthorBrowser.fields(asa.get("/posts/" + scheduled + "/preview").body());
        var at = asa.post("/posts/" + scheduled + "/publish", Map.of("csrf", asa.csrf, "version", form.get("version"), "at", "2031-12-24T15:00"));
        assertEquals(303, at.status(), at.body());
        assertEquals("/drafts?done=scheduled&post=" + scheduled, at.header("location"));

        // A scheduled post's field holds the time the page names.
        assertTrue(asa.get("/posts/" + scheduled + "/preview").body().contains("name=\"at\" value=\"2031-12-24 15:00\""),
                "the scheduled time in its field");
        String mine = asa.get("/drafts?done=scheduled&post=" + scheduled).body();
        assertTrue(mine.contains("<h1>Mina inlägg</h1>"));
        assertTrue(mine.contains("Inlägget är schemalagt"), "the confirmation");
        // The message says in which order the page had its posts' headings, for whoever meets a failure here (the draft
        // off the first page, above, say).
        assertTrue(mine.indexOf("Schemalagt om fika") < mine.indexOf("Publicerat om fika")
                && mine.indexOf("Publicerat om fika") < mine.indexOf("Mitt utkast om fika"),
                () -> "newest change first, but the page's headings were " + java.util.regex.Pattern.compile("<h2><a href=\"([^\"]*)\"")
                        .matcher(mine).results().map(m -> m.group(1)).toList());
        assertTrue(mine.contains(">Utkast</span>"));
        assertTrue(mine.contains(">Schemalagt till 24 december 2031 kl. 15.00</span>"), "scheduled, with its time in Stockholm");
        assertTrue(mine.contains(">Publicerat "));
        for (String slug : java.util.List.of(draft, published, scheduled)) {
            for (String link : java.util.List.of("/edit", "/preview", "/delete")) {
                assertTrue(mine.contains("href=\"/posts/" + slug + link + "\""), slug + link);
            }
        }
        assertTrue(mine.contains("action=\"/posts/" + draft + "/publish\""), "a draft can be published from the list");
        assertTrue(mine.contains("action=\"/posts/" + published + "/unpublish\""), "a published post can be taken back");
        assertEquals("no-store", asa.get("/drafts").header("cache-control"), "kept by no cache, the browser's own included");
        assertTrue(mine.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assertFalse(other.allPages("/drafts").contains("Mitt utkast om fika"), "nobody else's posts");
    }

    static void pause() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theEditFormOpensWithThePostAsStoredAndSavesKeepingTheSlug() {
        String slug = write("Rubrik att rätta", "publish");
        var form = asa.editForm(slug);
        assertEquals("Rubrik att rätta", form.get("title"));
        assertEquals("Första stycket om Rubrik att rätta.\n\n- en punkt\n- en till", form.get("body").replace("\r", ""), "the Markdown source");
        assertEquals("Lokal utvecklare", form.get("authorName"));
        assertEquals("Frivård, Samverkan", form.get("tags"));
        assertTrue(form.get("publishedAt").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), "as a person writes it: " + form.get("publishedAt"));
        assertEquals("", form.get("excerpt"), "an excerpt made from the text is made again from a new one");
        assertEquals("1", form.get("version"));
        var page = asa.get("/posts/" + slug + "/edit");
        assertTrue(page.body().contains(">Publicerat "), "the status");
        assertEquals("no-store", page.header("cache-control"));

        var saved = asa.post("/posts/" + slug + "/edit", with(form, "title", "Rubrik rättad", "action", "save"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/posts/" + slug + "/edit?done=saved&post=" + slug, saved.header("location"));
        assertTrue(asa.get(saved.header("location")).body().contains("Ändringarna är sparade."));
        assertTrue(http.get("/posts/" + slug).body().contains("<h1>Rubrik rättad</h1>"), "the slug stays, readers see the new title");
        assertEquals(404, http.get("/posts/rubrik-rattad").status(), "a new title makes no new address");
    }

    @Test
    void aSaveThatLeavesTheDateAsShownKeepsThePublicationTimeToTheSecond() {
        // The form shows the minute, so a save must not take the seconds off, which could move a post below a neighbour
        // published seconds after it (and, in the hour summer time ends, an hour back).
        // Stored, as the form shows it, as a form opened before a deploy showed it: with a T, and without saying which of
        // the two 02:30s of the night summer time ends it is, which reads as the first.
        for (String[] stored : new String[][] {{"2019-03-04T10:00:40Z", "2019-03-04 11:00", "2019-03-04T11:00"},
                {"2025-10-26T00:30:25Z", "2025-10-26 02:30 (sommartid)", "2025-10-26T02:30"}}) {
            String slug = http.createPost("Sekunderna stannar " + stored[0].substring(0, 4), stored[0]).json().path("slug").asText();
            var form = asa.editForm(slug);
            assertEquals(stored[1], form.get("publishedAt"));
            assertEquals(303, asa.post("/posts/" + slug + "/edit", with(form, "body", "Ett stavfel rättat.", "action", "save")).status());
            assertEquals(stored[0], http.get("/api/posts/" + slug).json().path("publishedAt").asText());
            // A form opened before that (a tab left open over a deploy) keeps it too.
            var older = asa.editForm(slug);
            assertEquals(303, asa.post("/posts/" + slug + "/edit", with(older, "publishedAt", stored[2], "body", "Igen.",
                    "action", "save")).status());
            assertEquals(stored[0], http.get("/api/posts/" + slug).json().path("publishedAt").asText());
        }
        // The second 02:30: left as shown, "(vintertid)" and all, it keeps its time to the second. The word taken away, it
        // is the first, as the README says a time typed alone is.
        String second = http.createPost("Sekunderna stannar i vintertid", "2025-10-26T01:30:25Z").json().path("slug").asText();
        assertEquals("2025-10-26 02:30 (vintertid)", asa.editForm(second).get("publishedAt"));
        assertEquals(303, asa.post("/posts/" + second + "/edit", with(asa.editForm(second), "body", "Ett stavfel rättat.", "action", "save")).status());
        assertEquals("2025-10-26T01:30:25Z", http.get("/api/posts/" + second).json().path("publishedAt").asText());
        assertEquals(303, asa.post("/posts/" + second + "/edit", with(asa.editForm(second), "publishedAt", "2025-10-26 02:30",
                "action", "save")).status());
        assertEquals("2025-10-26T00:30:00Z", http.get("/api/posts/" + second).json().path("publishedAt").asText(), "the first, as typed");
        assertEquals("2025-10-26 02:30 (sommartid)", asa.editForm(second).get("publishedAt"));

        String slug = http.createPost("Datum skrivet på nytt", "2019-03-04T10:00:40Z").json().path("slug").asText();
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "publishedAt", "2019-03-05T09:15", "action", "save")).status());
        assertEquals("2019-03-05T08:15:00Z", http.get("/api/posts/" + slug).json().path("publishedAt").asText(), "a new date as typed");
        // As the site shows dates, copied back.
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "publishedAt", "6 mars 2019 kl. 10:30", "action", "save")).status());
        assertEquals("2019-03-06T09:30:00Z", http.get("/api/posts/" + slug).json().path("publishedAt").asText(), "a date written in Swedish");
    }

    /**
     * 02:30 on the day Stockholm's clocks go from 02:00 to 03:00 is not saved as 03:30, said only by the confirmation. No
     * such time exists: the form says so beside the date, keeps what was typed and saves nothing, in the writing form, the
     * edit form and the publishing form alike. With an offset it is an instant, and is taken.
     */
    @Test
    void aTimeTheClocksSkipIsRefusedInSwedishWithEverythingTypedKept() {
        String skipped = "<span class=\"error\" id=\"publishedAt-error\">Kl. 2.30 finns inte den 29 mars 2026, för då ställs klockan fram "
                + "från 2.00 till 3.00. Välj en annan tid.</span>";
        Map<String, String> typed = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        typed.putAll(Map.of("title", "Klockan ställs fram", "body", "Våren är här.\n\nMed sin timme.", "tags", "Vår",
                "publishedAt", "2026-03-29 02:30", "action", "publish"));
        var written = asa.post("/write", typed);
        assertEquals(400, written.status());
        assertTrue(written.body().contains(skipped), written.body());
        var kept = AuthorBrowser.fields(written.body());
        for (String field : List.of("title", "body", "tags", "publishedAt")) {
            assertEquals(typed.get(field), kept.get(field).replace("\r", ""), field + " as typed");
        }
        assertEquals(404, asa.get("/posts/klockan-stalls-fram/edit").status(), "no post made");

        String slug = write("Vårens första inlägg", "publish");
        var before = asa.editForm(slug);
        var edited = asa.post("/posts/" + slug + "/edit", with(before, "title", "Vårens andra rubrik", "publishedAt", "29 mars 2026 kl. 02:30",
                "action", "save"));
        assertEquals(400, edited.status());
        assertTrue(edited.body().contains(skipped), "as the site writes dates too: " + edited.body());
        assertEquals("29 mars 2026 kl. 02:30", AuthorBrowser.fields(edited.body()).get("publishedAt"));
        assertEquals("Vårens andra rubrik", AuthorBrowser.fields(edited.body()).get("title"));
        var after = asa.editForm(slug);
        assertEquals(List.of(before.get("version"), before.get("title"), before.get("publishedAt")),
                List.of(after.get("version"), after.get("title"), after.get("publishedAt")), "nothing saved");

        String draft = write("Schemaläggs i luckan", "draft");
        var scheduled = asa.post("/posts/" + draft + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(draft).get("version"),
                "at", "2026-03-29T02:30"));
        assertEquals(400, scheduled.status());
        assertTrue(scheduled.body().contains("Kl. 2.30 finns inte den 29 mars 2026, för då ställs klockan fram från 2.00 till 3.00. Välj en annan tid."),
                scheduled.body());
        assertTrue(scheduled.body().contains("value=\"2026-03-29T02:30\""), "the time as typed");
        assertEquals("draft", http.getAs("/api/posts/" + draft, ServerExtension.TOKEN).json().path("status").asText(), "not published");
        var leapDay = asa.post("/posts/" + draft + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(draft).get("version"),
                "at", "29 feb 2027 kl. 15:00"));
        assertEquals(400, leapDay.status());
        assertTrue(leapDay.body().contains("29 februari 2027 finns inte – februari 2027 har bara 28 dagar. Välj en annan dag."), leapDay.body());
        assertTrue(leapDay.body().contains("<title>Fel: Publicera: Schemaläggs i luckan – Inlägg</title>"), "the post named in the tab");
        assertEquals("draft", http.getAs("/api/posts/" + draft, ServerExtension.TOKEN).json().path("status").asText(), "not published");
        var shortened = asa.post("/posts/" + draft + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(draft).get("version"),
                "at", "24 dec. 2099 kl. 15:00"));
        assertEquals(303, shortened.status(), "the month shortened is read");
        var now = http.getAs("/api/posts/" + draft, ServerExtension.TOKEN).json();
        assertEquals(List.of("published", "2099-12-24T14:00:00Z"), List.of(now.path("status").asText(), now.path("publishedAt").asText()),
                "scheduled for that time");

        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "publishedAt", "2026-03-29 02:30+01:00",
                "action", "save")).status());
        assertEquals("2026-03-29T01:30:00Z", http.get("/api/posts/" + slug).json().path("publishedAt").asText(), "an instant, as written");
    }

    /**
     * 02:30 on the night summer time ends comes twice. Typed alone it is the first, summer time; the edit form and the
     * post's status then say which it is, and "(vintertid)" as they write it names the second.
     */
    @Test
    void aTimeTheClockShowsTwiceSaysWhichItIs() {
        Map<String, String> typed = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        typed.putAll(Map.of("title", "Klockan ställs tillbaka", "body", "En timme extra.", "publishedAt", "2031-10-26 02:30", "action", "publish"));
        String slug = asa.post("/write", typed).header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        assertEquals("2031-10-26T00:30:00Z", http.getAs("/api/posts/" + slug, ServerExtension.TOKEN).json().path("publishedAt").asText(),
                "the first 02:30: summer time, +02:00");
        assertEquals("2031-10-26 02:30 (sommartid)", asa.editForm(slug).get("publishedAt"));
        assertTrue(asa.get("/posts/" + slug + "/edit").body().contains("Schemalagt till 26 oktober 2031 kl. 2.30 (sommartid)"));

        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "publishedAt", "2031-10-26 02:30 (vintertid)",
                "action", "save")).status());
        assertEquals("2031-10-26T01:30:00Z", http.getAs("/api/posts/" + slug, ServerExtension.TOKEN).json().path("publishedAt").asText(),
                "the second, an hour later");
        assertEquals("2031-10-26 02:30 (vintertid)", asa.editForm(slug).get("publishedAt"));
        assertTrue(asa.get("/drafts").body().contains("Schemalagt till 26 oktober 2031 kl. 2.30 (vintertid)"));
        assertTrue(asa.get("/posts/" + slug + "/edit").body().contains("Schemalagt till 26 oktober 2031 kl. 2.30 (vintertid)"));

        // A season word that is not the time's is not "no real date": it says which season the time is, with everything
        // typed kept and nothing saved, in the edit form and the publishing form.
        String july = "<span class=\"error\" id=\"publishedAt-error\">1 juli 2031 kl. 12.00 är sommartid, inte vintertid: klockan visar "
                + "den tiden en gång. Skriv tiden utan ”(vintertid)”.</span>";
        var before = asa.editForm(slug);
        var edited = asa.post("/posts/" + slug + "/edit", with(before, "title", "Sommar", "publishedAt", "2031-07-01 12:00 (vintertid)",
                "action", "save"));
        assertEquals(400, edited.status());
        assertTrue(edited.body().contains(july), edited.body());
        assertEquals("2031-07-01 12:00 (vintertid)", AuthorBrowser.fields(edited.body()).get("publishedAt"));
        assertEquals("Sommar", AuthorBrowser.fields(edited.body()).get("title"));
        assertEquals(before.get("version"), asa.editForm(slug).get("version"), "nothing saved");
        assertEquals(400, asa.post("/posts/" + slug + "/edit", with(before, "publishedAt", "2031-10-26 02:30vintertid", "action", "save")).status(),
                "only as the form shows it");

        // A draft dated the second: the schedule's field holds its minute, which has no room for the word, and sent as
        // filled in it is the draft's own time, as the page says.
        var draft = http.write("POST", "/api/posts", "{\"title\": \"Utkast i timmen som kommer två gånger\", \"body\": \"Text.\","
                + " \"author\": {\"name\": \"Åsa\"}, \"status\": \"draft\", \"publishedAt\": \"2031-10-26T02:30+01:00\"}").json().path("slug").asText();
        String preview = asa.get("/posts/" + draft + "/preview").body();
        assertTrue(preview.contains("Inlägget är daterat 26 oktober 2031 kl. 2.30 (vintertid). Väljer du Publicera nu publiceras det i dag."), preview);
        assertTrue(preview.contains("name=\"at\" value=\"2031-10-26 02:30\""), preview);
        var scheduled = asa.post("/posts/" + draft + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(draft).get("version"),
                "at", "2031-10-26 02:30"));
        assertEquals(303, scheduled.status(), scheduled.body());
        assertEquals("2031-10-26T01:30:00Z", http.getAs("/api/posts/" + draft, ServerExtension.TOKEN).json().path("publishedAt").asText());

        String other = write("Schemaläggs med fel årstid", "draft");
        var wrong = asa.post("/posts/" + other + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(other).get("version"),
                "at", "2031-07-01 12:00 (vintertid)"));
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("1 juli 2031 kl. 12.00 är sommartid, inte vintertid: klockan visar den tiden en gång. "
                + "Skriv tiden utan ”(vintertid)”."), wrong.body());
        assertEquals("draft", http.getAs("/api/posts/" + other, ServerExtension.TOKEN).json().path("status").asText(), "not published");
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

    /**
     * A draft's address typed in capitals is sent on to its page for its author alone, and that redirect is kept by no
     * cache, the author's own browser included, as their pages are not; to a reader there is no such post.
     */
    @Test
    void aDraftsAddressTypedInCapitalsIsSentOnForItsAuthorAloneAndKeptByNoCache() {
        // As the other author: the tests that read Åsa's "Mina inlägg" read its first page only, which her posts here filled.
        String draft = write(other, "Utkast med versaler", "draft");
        String typed = "/posts/" + draft.toUpperCase(java.util.Locale.ROOT);
        var own = other.get(typed);
        assertEquals(301, own.status(), own.body());
        assertEquals("/posts/" + draft, own.header("location"));
        assertEquals(se.inlagg.http.Caching.NO_STORE, own.header("cache-control"));
        var reader = http.get(typed);
        assertEquals(404, reader.status(), "a reader is told of no draft");
        assertEquals(se.inlagg.http.Caching.NO_STORE, reader.header("cache-control"));
        var published = http.get("/posts/" + write(other, "Publicerat med versaler", "publish").toUpperCase(java.util.Locale.ROOT));
        assertEquals(301, published.status());
        assertTrue(published.header("cache-control").startsWith("public"), "a published post's for everyone, as before");
    }

    @Test
    void aDraftsDateToComeShowsInItsFormAndEmptiedItPublishesNow() {
        // A draft's typed date shows in its form: hidden, "Spara och publicera" with the field as shown (empty, "Tomt
        // betyder nu") would schedule the post for it all the same.
        Map<String, String> typed = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        typed.putAll(Map.of("title", "Utkast med datum", "body", "Text.", "publishedAt", "2031-05-04 10:00", "action", "draft"));
        String slug = asa.post("/write", typed).header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        var form = asa.editForm(slug);
        assertEquals("2031-05-04 10:00", form.get("publishedAt"), "the date the author typed");
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(form, "body", "Rättad.", "action", "save")).status());
        assertEquals("2031-05-04 10:00", asa.editForm(slug).get("publishedAt"), "kept by a save");
        // Found by a probe: "Publicera nu" dropped the date without a word; the preview says so and the schedule holds it.
        String preview = asa.get("/posts/" + slug + "/preview").body();
        assertTrue(preview.contains("Inlägget är daterat 4 maj 2031 kl. 10.00. Väljer du Publicera nu publiceras det i dag. Vill du vänta till dess, välj"
                + " Schemalägg nedan (tiden är ifylld)."), preview);
        assertTrue(preview.contains("name=\"at\" value=\"2031-05-04 10:00\""), preview);

        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "publishedAt", "", "action", "publish")).status());
        var published = http.get("/api/posts/" + slug).json();
        assertEquals("published", published.path("status").asText());
        assertTrue(java.time.Instant.parse(published.path("publishedAt").asText()).isBefore(java.time.Instant.now().plusSeconds(5)),
                "emptied, the field means now: " + published);
        assertEquals(200, http.get("/posts/" + slug).status(), "readers see it at once");

        String started = write("Utkast utan datum", "draft");
        assertEquals("", asa.editForm(started).get("publishedAt"), "a draft's own time is when it was started: not shown");
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

    @Test
    void aPostTakenBackShowsItsDateAndPublishedNowKeepsIt() {
        String slug = http.createPost("Vårens planering", "2025-01-10T12:00").json().path("slug").asText();
        var form = asa.editForm(slug);
        assertEquals(303, asa.post("/posts/" + slug + "/unpublish", Map.of("csrf", asa.csrf, "version", form.get("version"))).status());
        assertEquals("2025-01-10 12:00", asa.editForm(slug).get("publishedAt"), "a draft again, with its own date in view");
        String preview = asa.get("/posts/" + slug + "/preview").body();
        assertTrue(preview.contains("<small id=\"keeps-date\">Inlägget behåller sitt datum, 10 januari 2025."), preview);
        var now = asa.post("/posts/" + slug + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(slug).get("version")));
        assertEquals(303, now.status(), now.body());
        assertEquals("2025-01-10T11:00:00Z", http.get("/api/posts/" + slug).json().path("publishedAt").asText(), "as the page said");
        assertEquals("/drafts?done=dated&post=" + slug, now.header("location"), "and as the list says after it");
        assertTrue(asa.get(now.header("location")).body().contains("Inlägget är publicerat med sitt eget datum, inte dagens"));
        assertFalse(asa.get("/posts/" + write("Nytt utkast", "draft") + "/preview").body().contains("keeps-date"), "a new draft goes out now");
    }

    /**
     * The schedule's hint says what a time already past does, in Swedish a reader can follow (saying what is published,
     * as "En tid som har varit publicerar med det datumet" does not), and it does that: published now, dated then.
     */
    @Test
    void aTimeAlreadyPastInTheScheduleFieldPublishesThePostDatedThen() {
        String slug = write("Bakåtdaterad från förhandsgranskningen", "draft");
        String preview = asa.get("/posts/" + slug + "/preview").body();
        assertTrue(preview.contains("En tid som redan har varit publicerar inlägget direkt, med den tiden som datum."), preview);
        var at = asa.post("/posts/" + slug + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(slug).get("version"),
                "at", "2020-05-05T10:00"));
        assertEquals(303, at.status(), at.body());
        var stored = http.get("/api/posts/" + slug).json();
        assertEquals("published", stored.path("status").asText());
        assertEquals("2020-05-05T08:00:00Z", stored.path("publishedAt").asText(), "10:00 Swedish summer time");
        // And said so where it was done, as "Publicera nu" on a dated draft says it: not only "publicerat".
        assertEquals("/drafts?done=dated&post=" + slug, at.header("location"));
        assertTrue(asa.get(at.header("location")).body().contains("Inlägget är publicerat med sitt eget datum, inte dagens"));

        // A time earlier today is today's date: published, as "Publicera nu" says it; and so is a draft dated earlier today
        // published now (not "inte dagens").
        java.time.ZoneId stockholm = java.time.ZoneId.of("Europe/Stockholm");
        java.time.LocalDate day = java.time.LocalDate.now(stockholm);
        String today = write("Bakåtdaterad till i natt", "draft");
        var earlier = asa.post("/posts/" + today + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(today).get("version"),
                "at", day + "T00:00"));
        String datedDraft = write("Daterad i morse", "draft");
        assertEquals(303, asa.post("/posts/" + datedDraft + "/edit", with(asa.editForm(datedDraft), "publishedAt", day + " 00:00",
                "action", "save")).status());
        var now = asa.post("/posts/" + datedDraft + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(datedDraft).get("version")));
        // Across midnight "today" is another day on either side: nothing to say then.
        org.junit.jupiter.api.Assumptions.assumeTrue(day.equals(java.time.LocalDate.now(stockholm)), "midnight passed during the test");
        assertEquals(303, earlier.status(), earlier.body());
        assertEquals("/drafts?done=published&post=" + today, earlier.header("location"), "today's midnight, in Swedish time");
        assertEquals(303, now.status(), now.body());
        assertEquals("/drafts?done=published&post=" + datedDraft, now.header("location"), "dated this morning: today's news");
    }

    /**
     * A date given to a draft in another tab does not go, unsaid, with "Spara min version ändå" (an empty date takes a
     * draft's own away), and the draft's page then shows the date its preview shows.
     */
    @Test
    void aDraftsDateSetInAnotherTabIsListedBeforeItIsSavedOver() {
        String slug = write("Datum i två flikar", "draft");
        var firstTab = asa.editForm(slug);
        assertEquals("", firstTab.get("publishedAt"), "a draft nobody dated");
        var secondTab = asa.editForm(slug);
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(secondTab, "publishedAt", "2019-11-20", "action", "save")).status());
        assertTrue(asa.get("/posts/" + slug).body().contains("20 november 2019"), "dated");

        var conflict = asa.post("/posts/" + slug + "/edit", with(firstTab, "body", "Min text.", "action", "save"));
        assertEquals(409, conflict.status());
        assertTrue(conflict.body().contains("<li>Publiceringsdatum: sparat ”2019-11-20 00:00”, i ditt formulär inget</li>"), conflict.body());
        assertFalse(conflict.body().contains("Inlägget är publicerat nu"), "a draft still: " + conflict.body());

        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(AuthorBrowser.fields(conflict.body()), "action", "save")).status());
        String page = asa.get("/posts/" + slug).body();
        String preview = asa.get("/posts/" + slug + "/preview").body();
        assertFalse(page.contains("20 november 2019") || preview.contains("20 november 2019"), "the date saved over, as listed");
        assertEquals(shownDate(preview), shownDate(page), "the draft's page dated as its preview");
    }

    private static String shownDate(String html) {
        var m = java.util.regex.Pattern.compile("<p class=\"meta\"><time datetime=\"[^\"]*\">([^<]*)</time>").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    @Test
    void aSaveOverAChangeMadeMeanwhileShowsBothAndLosesNothing() {
        String slug = write("Två flikar", "publish");
        var firstTab = asa.editForm(slug);
        var secondTab = asa.editForm(slug);
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(firstTab, "title", "Från första fliken", "tags", "Frivård, Samverkan, Julbord",
                "action", "save")).status());

        String mine = "Min långa text från andra fliken, med å, ä och ö. ".repeat(30);
        var conflict = asa.post("/posts/" + slug + "/edit", with(secondTab, "body", mine, "action", "save"));
        assertEquals(409, conflict.status());
        String html = conflict.body();
        assertTrue(html.contains("<h2 id=\"konflikt\">Inlägget har ändrats sedan du öppnade formuläret</h2>"), html);
        assertEquals(1, html.split("Inlägget har ändrats sedan du öppnade formuläret", -1).length - 1, "said once: " + html);
        // A category (or a picture) added in the other tab does not go, unsaid, with "Spara min version ändå".
        assertTrue(html.contains("<li>Kategorier: sparat ”Frivård, Samverkan, Julbord”, i ditt formulär ”Frivård, Samverkan”</li>"),
                html);
        assertTrue(html.contains(mine.strip()), "the author's text is kept in the form");
        // Its links elsewhere open a new tab, so the text stays in this one; the form as read does not.
        assertTrue(html.contains("<a href=\"/drafts\" target=\"_blank\" rel=\"noopener\">Mina inlägg<span class=\"visually-hidden\">"), html);
        assertTrue(html.contains("<a href=\"/posts/" + slug + "/preview\" target=\"_blank\""), html);
        // And so does every link away in the header and the footer, and the search box.
        assertTrue(html.contains("<a href=\"/\" target=\"_blank\" rel=\"noopener\">Alla inlägg<span class=\"visually-hidden\">"), html);
        assertTrue(html.contains("aria-label=\"Sök bland inläggen\" target=\"_blank\">"), html);
        // A screen reader hears where the results open, as at every link that opens a tab (WCAG 3.2.5).
        assertTrue(html.contains("<button type=\"submit\">Sök<span class=\"visually-hidden\"> (öppnas i en ny flik)</span></button>"), html);
        var sameTab = java.util.regex.Pattern.compile("<a href=\"(/[^\"]*)\">").matcher(html).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("/posts/" + slug + "/edit"), sameTab, "no link away in this tab but the one that gives the text up");
        String asRead = asa.get("/posts/" + slug + "/edit").body();
        assertTrue(asRead.contains("<a href=\"/drafts\">Mina inlägg</a>") && !asRead.contains("target=\"_blank\""), asRead);
        assertTrue(asRead.contains("<button type=\"submit\">Sök</button>"), asRead);
        assertTrue(html.contains("<p class=\"stored-title\">Från första fliken</p>"), "what the stored post says now");
        // More than the header's label says readers see it, and that saving over it shows them.
        assertTrue(html.contains("<p>Inlägget är publicerat nu och syns för läsarna, så det du sparar syns för dem direkt.</p>"), html);
        // A long stored text scrolls in its box, which the keyboard reaches (axe: scrollable-region-focusable).
        assertTrue(html.contains("<pre class=\"stored-body\" tabindex=\"0\" role=\"region\" aria-label=\"Den sparade texten\">"), html);
        assertTrue(html.contains("Spara min version ändå") && html.contains("href=\"/posts/" + slug + "/edit\">börja om"));
        // The conflict's form has no picture button, and its hints do not point at one.
        assertFalse(html.contains("välj bild…"), html);
        assertTrue(html.contains("En bild på webben (https://…)."), html);
        assertEquals("Från första fliken", asa.editForm(slug).get("title"), "nothing was saved");

        var overwrite = asa.post("/posts/" + slug + "/edit", with(AuthorBrowser.fields(html), "action", "save"));
        assertEquals(303, overwrite.status(), overwrite.body());
        var now = asa.editForm(slug);
        assertEquals(mine.strip(), now.get("body").strip());
        assertEquals("Två flikar", now.get("title"), "the overwrite saved the second tab's own words");
        assertEquals("3", now.get("version"));
    }

    /** Found by a browser probe: a new post could not be previewed before it was saved and found again. */
    @Test
    void aNewPostCanBeSavedAsADraftAndPreviewedInOneClick() {
        Map<String, String> form = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        assertTrue(asa.get("/write").body().contains("value=\"preview\""), "the button is there");
        assertTrue(asa.get("/write").body().matches("(?s).*<textarea id=\"body\"[^>]* required>.*"), "the text is marked required, as the rules require it");
        form.putAll(Map.of("title", "Förhandsgranskad direkt", "body", "Text att se först.", "action", "preview"));
        var saved = asa.post("/write", form);
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/posts/forhandsgranskad-direkt/preview", saved.header("location"));
        assertEquals(200, asa.get(saved.header("location")).status());
        assertEquals(404, http.get("/posts/forhandsgranskad-direkt").status(), "a draft, until published");
    }

    /** An author's own post offers a way to edit it, not only through "Mina inlägg". */
    @Test
    void anAuthorsOwnPostLeadsToItsEditFormAndPreviewOthersSeeNoSuchLinks() {
        String slug = write("Egen länk till redigering", "draft");
        String own = asa.get("/posts/" + slug).body();
        assertTrue(own.contains("<a href=\"/posts/" + slug + "/edit\">Redigera</a>"), own);
        assertTrue(own.contains("<a href=\"/posts/" + slug + "/preview\">"), own);
        String published = write("Egen publicerad länk", "publish");
        assertTrue(asa.get("/posts/" + published).body().contains("/posts/" + published + "/edit"));
        assertFalse(http.get("/posts/" + published).body().contains("/edit\""), "a reader sees no such link");
        assertFalse(other.get("/posts/" + published).body().contains("/edit\""), "nor another author");
    }

    /** "Spara och förhandsgranska" on a published post says it is live, not as a check before going live. */
    @Test
    void aPreviewAfterSavingSaysTheChangeIsSavedAndWhetherReadersSeeItAlready() {
        String published = write("Live redan", "publish");
        var saved = asa.post("/posts/" + published + "/edit", with(asa.editForm(published), "body", "Rättad.", "action", "preview"));
        assertEquals("/posts/" + published + "/preview?done=saved", saved.header("location"));
        assertTrue(asa.get(saved.header("location")).body().contains("Ändringarna är sparade och syns redan för läsarna."));
        String draft = write("Inte live än", "draft");
        var draftSaved = asa.post("/posts/" + draft + "/edit", with(asa.editForm(draft), "body", "Rättad.", "action", "preview"));
        String page = asa.get(draftSaved.header("location")).body();
        assertTrue(page.contains("Ändringarna är sparade.") && !page.contains("syns redan"), page);
    }

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

    /** What the writing form did is said on the post to its author, and only when the post is so. */
    @Test
    void whatTheWritingFormDidIsSaidToItsAuthorOnlyAndOnlyIfItIsSo() {
        String published = write("Sagt till rätt person", "publish");
        assertTrue(asa.get("/posts/" + published + "?done=published").body().contains("Inlägget är publicerat och syns för alla."));
        assertFalse(other.get("/posts/" + published + "?done=published").body().contains("Inlägget är publicerat"), "another author");
        assertFalse(http.get("/posts/" + published + "?done=published").body().contains("Inlägget är publicerat"), "a reader");
        assertFalse(asa.get("/posts/" + published + "?done=drafted").body().contains("Utkastet är sparat"), "not what the post is");
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

    /**
     * Back from the post it published, a typo mended and Enter pressed in a field (the form's first button, "Spara som
     * utkast") does not take the post off the site.
     */
    @Test
    void aPublishedPostsFormSentAgainWithEnterKeepsItPublished() {
        Map<String, String> form = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        form.putAll(Map.of("title", "Publicerad och lagad", "body", "Ett stavfle.", "action", "publish"));
        String slug = asa.post("/write", form).header("location").replaceFirst("\\?.*", "").replace("/posts/", "");

        var mended = asa.post("/write", with(form, "body", "Ett stavfel rättat.", "action", "draft"));
        assertEquals(303, mended.status(), mended.body());
        assertEquals("/posts/" + slug + "?done=published", mended.header("location"), "the same post, still published");
        var read = http.get("/posts/" + slug);
        assertEquals(200, read.status(), "readers still see it");
        assertTrue(read.body().contains("Ett stavfel rättat."), read.body());

        // A post scheduled for later stays scheduled, unless its date is emptied: then the button says, or it would be
        // published at once from a button saying draft.
        Map<String, String> later = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        later.putAll(Map.of("title", "Schemalagd och lagad", "body", "Ett stavfle.", "publishedAt", "2031-06-06 09:30", "action", "publish"));
        String laterSlug = asa.post("/write", later).header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        var kept = asa.post("/write", with(later, "body", "Ett stavfel rättat.", "action", "draft"));
        assertEquals("/posts/" + laterSlug + "?done=scheduled", kept.header("location"), kept.body());
        assertTrue(asa.get("/posts/" + laterSlug + "/preview").body().contains("Schemalagt till 6 juni 2031 kl. 9.30"));
        Map<String, String> emptied = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        emptied.putAll(Map.of("title", "Schemalagd och tömd", "body", "Ett stavfle.", "publishedAt", "2031-06-06 09:30", "action", "publish"));
        laterSlug = asa.post("/write", emptied).header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        var unscheduled = asa.post("/write", with(emptied, "body", "Ett stavfel rättat.", "publishedAt", "", "action", "draft"));
        assertEquals("/posts/" + laterSlug + "?done=drafted", unscheduled.header("location"), unscheduled.body());
        assertEquals(404, http.get("/posts/" + laterSlug).status(), "not published by a button saying draft");

        // A draft's form sent again with Enter stays a draft.
        Map<String, String> draft = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        draft.putAll(Map.of("title", "Utkast och lagat", "body", "Ett stavfle.", "action", "draft"));
        String draftSlug = asa.post("/write", draft).header("location").replaceFirst("\\?.*", "").replace("/posts/", "");
        assertEquals(303, asa.post("/write", with(draft, "body", "Ett stavfel rättat.")).status());
        assertEquals(404, http.get("/posts/" + draftSlug).status(), "not on the site");
        assertTrue(asa.get("/posts/" + draftSlug + "/preview").body().contains("Ett stavfel rättat."));
    }

    /** A post deleted while its author wrote: the save gives the text back in a new post's form, not "Sidan finns inte". */
    @Test
    void aPostDeletedWhileItsAuthorWroteComesBackAsANewPostsFormWithTheText() {
        String slug = write("Borttagen under skrivandet", "publish");
        var editTab = asa.editForm(slug);
        String version = AuthorBrowser.hidden(asa.get("/posts/" + slug + "/delete").body(), "version");
        assertEquals(303, asa.post("/posts/" + slug + "/delete", Map.of("csrf", asa.csrf, "version", version, "confirm", "ja")).status());

        String mine = "Min långa text om å, ä och ö, skriven medan inlägget togs bort. ".repeat(20);
        var save = asa.post("/posts/" + slug + "/edit", with(editTab, "body", mine, "action", "save"));
        assertEquals(404, save.status());
        String html = save.body();
        assertTrue(html.contains("Inlägget finns inte längre"), html);
        assertTrue(html.contains(mine.strip()), "the text is kept");
        assertTrue(html.contains("action=\"/write\""), "in the form for a new post");
        var saved = asa.post("/write", with(AuthorBrowser.fields(html), "action", "publish"));
        assertEquals(303, saved.status(), saved.body());
        assertTrue(http.get(saved.header("location")).body().contains("Min långa text om å, ä och ö"), "saved as a new post");
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
                ("version=1&title=Utan+token&body=x&authorName=x").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, Map.of("Cookie", asa.cookie));
        assertEquals(403, noTokenNoBrowser.status(), "no token, and no browser saying the form is the site's");
        for (var forged : java.util.List.of(with(form, "csrf", "fel"))) {
            var refused = asa.post("/posts/" + slug + "/edit", forged);
            assertEquals(403, refused.status());
            assertTrue(refused.body().contains("Formuläret kom inte från den här sidan"), refused.body());
            assertTrue(refused.body().contains("value=\"Förfalskad rubrik\""), "what was typed comes back");
            assertTrue(refused.body().contains("name=\"version\" value=\"1\""), "still the version the text was written from");
        }
        var crossSite = http.send("POST", "/posts/" + slug + "/edit", "application/x-www-form-urlencoded",
                ("csrf=" + asa.csrf + "&version=1&title=Fr%C3%A5n+annan+sajt&body=x&authorName=x").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, Map.of("Cookie", asa.cookie, "Origin", "https://elak.example"));
        assertEquals(403, crossSite.status());
        var signedOut = http.send("POST", "/posts/" + slug + "/edit", "application/x-www-form-urlencoded",
                "title=Utloggad+rubrik&body=Utloggad+text".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, Map.of());
        assertEquals(403, signedOut.status());
        assertTrue(signedOut.body().contains("Du är inte inloggad") && signedOut.body().contains("Utloggad text"));
        assertEquals("Skyddat mot förfalskning", asa.editForm(slug).get("title"), "nothing changed");
        assertEquals("1", asa.editForm(slug).get("version"));
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
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (var browser : java.util.List.of(
                Map.of("Origin", "https://elak.example", "Sec-Fetch-Site", "cross-site"),
                Map.of("Cookie", asa.cookie, "Origin", "https://annan.blogg.example.se", "Sec-Fetch-Site", "same-site"))) {
            for (String path : java.util.List.of("/posts/" + slug + "/edit", "/write", "/profile")) {
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
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), null, Map.of("Origin", "http://" + http.base().getAuthority()));
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
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), null, Map.of("Origin", "http://" + http.base().getAuthority()));
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
        for (var page : java.util.List.of(tooLarge, missing)) {
            assertTrue(page.body().contains(">Logga ut</button>") && page.body().contains("href=\"/drafts\""), page.body());
            assertFalse(page.body().contains(">Logga in</a>"), page.body());
            assertEquals("no-store", page.header("cache-control"));
        }
        assertTrue(http.get("/posts/finns-inte-har").body().contains(">Logga in</a>"), "to anyone else, the way to sign in");
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
            var signedOut = http.send("POST", path, "application/x-www-form-urlencoded", body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
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
        var cecilia = AuthorBrowser.signIn(http, AuthorBrowser.newAuthor(env.server, "Cecilia Holm", "profil-forfattare-" + java.util.UUID.randomUUID()));
        var profile = http.send("POST", "/profile", "application/x-www-form-urlencoded",
                "name=Cecilia+Holm-Berg&role=Handl%C3%A4ggare&office=".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, fromTheSite);
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
    void anotherAuthorsPostCannotBeEditedPublishedOrDeleted() {
        String slug = write("Åsas eget inlägg", "publish");
        String draft = write("Åsas eget utkast", "draft");
        var opened = other.get("/posts/" + slug + "/edit");
        assertEquals(403, opened.status());
        // Said of the post, not of a change: opening the form tried none (not "Inget ändrades").
        assertTrue(opened.body().contains("<p>Bara den som skrev inlägget kan ändra eller ta bort det.</p>"), opened.body());
        assertEquals(403, other.get("/posts/" + slug + "/delete").status());
        assertEquals(404, other.get("/posts/" + draft + "/edit").status(), "another's draft is not found at all");
        assertEquals(404, other.get("/posts/" + draft + "/preview").status());
        var form = asa.editForm(slug);
        var edit = other.post("/posts/" + slug + "/edit", with(form, "csrf", other.csrf, "title", "Kapad", "action", "save"));
        assertEquals(403, edit.status());
        assertTrue(edit.body().contains("Bara den som skrev inlägget kan ändra eller ta bort det."), edit.body());
        assertEquals(403, other.post("/posts/" + slug + "/unpublish", Map.of("csrf", other.csrf, "version", "1")).status());
        assertEquals(403, other.post("/posts/" + slug + "/delete", Map.of("csrf", other.csrf, "version", "1", "confirm", "ja")).status());
        assertEquals(404, other.post("/posts/" + draft + "/publish", Map.of("csrf", other.csrf, "version", "1")).status());
        assertTrue(http.get("/posts/" + slug).body().contains("<h1>Åsas eget inlägg</h1>"), "nothing changed");
        assertEquals(404, http.get("/posts/" + draft).status(), "the draft is still a draft");
    }

    @Test
    void thePreviewIsTheReadersPageMarkedAsAPreviewNeverIndexedOrCached() {
        String slug = write("Förhandsgranska mig", "draft");
        assertEquals(404, http.get("/posts/" + slug).status(), "readers do not see a draft");
        var preview = asa.get("/posts/" + slug + "/preview");
        assertEquals(200, preview.status());
        String html = preview.body();
        assertTrue(html.contains("<h1>Förhandsgranska mig</h1>") && html.contains("<li>en punkt</li>"));
        assertTrue(html.contains("Förhandsgranskning – så här kommer inlägget att se ut för läsarna."));
        // Not "Så här ser läsarna inlägget": readers see no draft.
        assertTrue(html.contains("<p>Så här kommer inlägget att se ut för läsarna. Status: <span class=\"status status-draft\">Utkast</span>.</p>"), html);
        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assertEquals("no-store", preview.header("cache-control"));
        assertFalse(html.contains("rel=\"canonical\""));
        assertTrue(html.contains("action=\"/posts/" + slug + "/publish\""), "it can be published from there");

        // From a page of an earlier session: the form again, to send once more, not a page without one.
        var stale = asa.post("/posts/" + slug + "/publish", Map.of("csrf", "fran-en-tidigare-inloggning", "version", AuthorBrowser.hidden(html, "version")));
        assertEquals(403, stale.status());
        assertTrue(stale.body().contains("action=\"/posts/" + slug + "/publish\"") && !AuthorBrowser.hidden(stale.body(), "csrf").isEmpty(),
                "the form again, with this session's token: " + stale.body());
        assertTrue(stale.body().contains("id=\"publish-error\" tabindex=\"-1\" autofocus>Sidan var för gammal (eller kom inte härifrån),"
                + " så inget publicerades eller ändrades."), "said for publishing, with the focus: " + stale.body());
        assertEquals(404, http.get("/posts/" + slug).status(), "not published");
        // "Publicera nu", whose form sends no time (the schedule's form beside it does).
        Map<String, String> now = new LinkedHashMap<>(AuthorBrowser.fields(stale.body()));
        now.remove("at");
        var published = asa.post("/posts/" + slug + "/publish", now);
        assertEquals(303, published.status());
        String previewed = asa.get("/posts/" + slug + "/preview").body();
        String reader = http.get("/posts/" + slug).body();
        assertEquals(article(reader), article(previewed).replace("<p class=\"notice\">" + PREVIEW + "</p>\n", ""),
                "the readers' article, and the preview's notice in it");
    }

    static final String PREVIEW = "Förhandsgranskning – så här kommer inlägget att se ut för läsarna.";

    static String article(String html) {
        return html.substring(html.indexOf("<article"), html.indexOf("</article>"));
    }

    @Test
    void publishingNowAtATimeAndBackToDraftShowInTheReadersPagesAndTheFeed() {
        String slug = write("Publiceras stegvis", "draft");
        assertFalse(http.get("/feed.xml").body().contains("Publiceras stegvis"));
        String version = asa.editForm(slug).get("version");
        var now = asa.post("/posts/" + slug + "/publish", Map.of("csrf", asa.csrf, "version", version));
        assertEquals("/drafts?done=published&post=" + slug, now.header("location"));
        assertTrue(asa.get(now.header("location")).body().contains("Inlägget är publicerat och syns för alla."));
        assertTrue(http.get("/").body().contains("Publiceras stegvis") && http.get("/feed.xml").body().contains("Publiceras stegvis"));
        // Live now, its schedule form says a time to come takes it off the site until then.
        assertTrue(asa.get("/posts/" + slug + "/preview").body()
                .contains("Inlägget syns för alla nu: en tid som inte har varit än tar bort det från webbplatsen till dess."));

        version = asa.editForm(slug).get("version");
        var twice = asa.post("/posts/" + slug + "/publish", Map.of("csrf", asa.csrf, "version", String.valueOf(Long.parseLong(version) - 1)));
        assertEquals(303, twice.status(), "a second click on publish: already done");

        var back = asa.post("/posts/" + slug + "/unpublish", Map.of("csrf", asa.csrf, "version", version));
        assertEquals("/drafts?done=unpublished&post=" + slug, back.header("location"));
        assertEquals(404, http.get("/posts/" + slug).status());
        assertFalse(http.get("/feed.xml").body().contains("Publiceras stegvis"));

        version = asa.editForm(slug).get("version");
        var later = asa.post("/posts/" + slug + "/publish", Map.of("csrf", asa.csrf, "version", version, "at", "2031-06-06T09:30"));
        assertEquals("/drafts?done=scheduled&post=" + slug, later.header("location"));
        assertTrue(asa.get(later.header("location")).body().contains("det syns för alla från den tid du valde, och till dess bara för dig."));
        assertEquals(404, http.get("/posts/" + slug).status(), "not before its time");
        assertFalse(asa.get("/posts/" + slug + "/preview").body().contains("Inlägget syns för alla nu"), "said only of a post live now");
        assertTrue(asa.get("/posts/" + slug + "/preview").body().contains("Schemalagt till 6 juni 2031 kl. 9.30"));
    }

    @Test
    void aTimeThatCannotBeReadOrAStaleVersionShowsThePublishingFormAgain() {
        String slug = write("Fel tid", "draft");
        String version = asa.editForm(slug).get("version");
        var bad = asa.post("/posts/" + slug + "/publish", Map.of("csrf", asa.csrf, "version", version, "at", "31 juni kl 25"));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("Tiden gick inte att läsa") && bad.body().contains("value=\"31 juni kl 25\""), bad.body());
        assertTrue(bad.body().contains("aria-describedby=\"at-hint at-error\" aria-invalid=\"true\" autofocus"), "the time is what was wrong");
        assertTrue(bad.body().contains("<span class=\"error\" role=\"alert\" id=\"at-error\">Tiden gick inte att läsa"),
                "said beside the field: " + bad.body());
        // "Schemalägg" with no time is refused by the site, in Swedish, not left to the browser's own check (in its own
        // language) to stop it from publishing at once.
        var empty = asa.post("/posts/" + slug + "/publish", Map.of("csrf", asa.csrf, "version", version, "at", " "));
        assertEquals(400, empty.status(), empty.body());
        assertTrue(empty.body().contains("Skriv när inlägget ska publiceras, till exempel 2026-12-24 15:00 (svensk tid)."), empty.body());
        assertTrue(empty.body().contains("class=\"schedule\">"), "the browser's own check stays: " + empty.body());
        assertEquals(404, http.get("/posts/" + slug).status(), "not published");
        // It holds the time typed: its links away open a new tab, as every page giving back what was typed.
        assertTrue(bad.body().contains("/edit\" target=\"_blank\" rel=\"noopener\">Redigera<span class=\"visually-hidden\">"), bad.body());
        var stale = asa.post("/posts/" + slug + "/publish", Map.of("csrf", asa.csrf, "version", "99"));
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("Inlägget har ändrats sedan du öppnade sidan"));
        // The date field is not marked invalid or pointed at this message, which is not about it.
        assertTrue(stale.body().contains("<input id=\"at\" name=\"at\" value=\"\" required autocomplete=\"off\" aria-describedby=\"at-hint\">"),
                stale.body());
        assertTrue(stale.body().contains("<p class=\"error\" role=\"alert\" id=\"publish-error\" tabindex=\"-1\" autofocus>Inlägget har ändrats"), stale.body());
        assertFalse(stale.body().contains("aria-invalid") || stale.body().contains("field invalid"), stale.body());
        assertEquals(403, asa.post("/posts/" + slug + "/publish", Map.of("csrf", "fel", "version", version)).status());
        var changedToo = asa.post("/posts/" + slug + "/publish", Map.of("csrf", "fel", "version", "99"));
        assertEquals(403, changedToo.status());
        assertTrue(changedToo.body().contains("Inlägget har ändrats sedan du öppnade sidan, så inget publicerades"), "from a review: "
                + changedToo.body());
        assertEquals(404, http.get("/posts/" + slug).status(), "still a draft");
    }

    @Test
    void deletingAsksFirstAndAGetNeverDeletes() {
        String slug = write("Tas bort snart", "publish");
        var ask = asa.get("/posts/" + slug + "/delete");
        assertEquals(200, ask.status());
        assertTrue(ask.body().contains("Ta bort ”Tas bort snart”?") && ask.body().contains("Ja, ta bort inlägget"));
        // Its tab names the post, one of several an author may have open (WCAG 2.4.2).
        assertTrue(ask.body().contains("<title>Ta bort: Tas bort snart – Inlägg</title>"), ask.body());
        assertEquals(200, http.get("/posts/" + slug).status(), "asking deleted nothing");
        String version = AuthorBrowser.hidden(ask.body(), "version");
        var unconfirmed = asa.post("/posts/" + slug + "/delete", Map.of("csrf", asa.csrf, "version", version));
        assertEquals(400, unconfirmed.status());
        assertEquals(200, http.get("/posts/" + slug).status());
        // From a page of an earlier session: the question again, with this session's form, not a page saying to send the
        // form again with no form on it.
        var stale = asa.post("/posts/" + slug + "/delete", Map.of("csrf", "fran-en-tidigare-inloggning", "version", version, "confirm", "ja"));
        assertEquals(403, stale.status());
        assertTrue(stale.body().contains("Sidan var för gammal (eller kom inte härifrån), så inlägget togs inte bort."), stale.body());
        assertEquals(200, http.get("/posts/" + slug).status(), "nothing deleted");
        // The new form holds the post's version now, so a post changed since the old page is said so.
        var changed = asa.post("/posts/" + slug + "/delete", Map.of("csrf", "fran-en-tidigare-inloggning", "version", "99", "confirm", "ja"));
        assertEquals(403, changed.status());
        assertTrue(changed.body().contains("Inlägget har ändrats sedan du öppnade sidan, så det togs inte bort."), changed.body());

        var deleted = asa.post("/posts/" + slug + "/delete", AuthorBrowser.fields(stale.body()));
        assertEquals("/drafts?done=deleted&post=" + slug, deleted.header("location"));
        assertTrue(asa.get(deleted.header("location")).body().contains("Inlägget är borttaget."));
        assertEquals(404, http.get("/posts/" + slug).status());
        assertFalse(http.get("/feed.xml").body().contains("Tas bort snart"));
        assertEquals(303, asa.post("/posts/" + slug + "/delete", Map.of("csrf", asa.csrf, "version", version, "confirm", "ja")).status(),
                "a second click finds it gone: done");
        assertEquals(slug + "-2", write("Tas bort snart", "draft"), "a deleted post's address is never given again");
    }

    @Test
    void aDeleteOfAPostChangedSinceTheQuestionAsksAgain() {
        String slug = write("Ändras innan borttagning", "draft");
        String asked = AuthorBrowser.hidden(asa.get("/posts/" + slug + "/delete").body(), "version");
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "title", "Ändrad", "action", "save")).status());
        var again = asa.post("/posts/" + slug + "/delete", Map.of("csrf", asa.csrf, "version", asked, "confirm", "ja"));
        assertEquals(409, again.status());
        assertTrue(again.body().contains("Inlägget har ändrats sedan du öppnade sidan, så det togs inte bort"));
        assertEquals(200, asa.get("/posts/" + slug + "/preview").status());
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

    /** Signed in from an author's page, the author comes back to it, not always to /write. */
    @Test
    void authorPagesSendReadersToSignInAndBackOnceSignedIn() {
        for (String path : java.util.List.of("/drafts", "/profile", "/posts/x/edit", "/posts/x/preview", "/posts/x/delete", "/drafts?cursor=abc")) {
            var reply = http.get(path);
            assertEquals(303, reply.status(), path);
            assertEquals("/signin?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8), reply.header("location"), path);
        }
        String slug = write("Tillbaka efter inloggningen", "draft");
        String form = http.get("/signin?next=%2Fposts%2F" + slug + "%2Fedit").body();
        assertTrue(form.contains("<input type=\"hidden\" name=\"next\" value=\"/posts/" + slug + "/edit\">"), form);
        var signedIn = http.signIn(ServerExtension.TOKEN, Map.of(), "/posts/" + slug + "/edit");
        assertEquals("/posts/" + slug + "/edit", signedIn.header("location"), "back where the author was");
        for (String elsewhere : java.util.List.of("https://elak.example/", "//elak.example/", "/\\elak.example", "javascript:alert(1)")) {
            var away = http.signIn(ServerExtension.TOKEN, Map.of(), elsewhere);
            assertEquals("/write", away.header("location"), "never to another site: " + elsewhere);
        }
    }
}
