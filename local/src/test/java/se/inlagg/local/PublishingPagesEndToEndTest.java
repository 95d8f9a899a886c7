package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Publishing from the pages: now, at a time (in Stockholm's time, its clock changes included) and back to draft, as
 * "Mina inlägg", the preview's form and the readers' pages and feed show it; a post's date is kept to the second unless the
 * author changes it.
 */
class PublishingPagesEndToEndTest extends AuthorPagesTest {

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
                () -> "newest change first, but the page's headings were " + Pattern.compile("<h2><a href=\"([^\"]*)\"")
                        .matcher(mine).results().map(m -> m.group(1)).toList());
        assertTrue(mine.contains(">Utkast</span>"));
        assertTrue(mine.contains(">Schemalagt till 24 december 2031 kl. 15.00</span>"), "scheduled, with its time in Stockholm");
        assertTrue(mine.contains(">Publicerat "));
        for (String slug : List.of(draft, published, scheduled)) {
            for (String link : List.of("/edit", "/preview", "/delete")) {
                assertTrue(mine.contains("href=\"/posts/" + slug + link + "\""), slug + link);
            }
        }
        assertTrue(mine.contains("action=\"/posts/" + draft + "/publish\""), "a draft can be published from the list");
        assertTrue(mine.contains("action=\"/posts/" + published + "/unpublish\""), "a published post can be taken back");
        assertEquals("no-store", asa.get("/drafts").header("cache-control"), "kept by no cache, the browser's own included");
        assertTrue(mine.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assertFalse(other.allPages("/drafts").contains("Mitt utkast om fika"), "nobody else's posts");
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
        assertTrue(Instant.parse(published.path("publishedAt").asText()).isBefore(Instant.now().plusSeconds(5)),
                "emptied, the field means now: " + published);
        assertEquals(200, http.get("/posts/" + slug).status(), "readers see it at once");

        String started = write("Utkast utan datum", "draft");
        assertEquals("", asa.editForm(started).get("publishedAt"), "a draft's own time is when it was started: not shown");
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
        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        LocalDate day = LocalDate.now(stockholm);
        String today = write("Bakåtdaterad till i natt", "draft");
        var earlier = asa.post("/posts/" + today + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(today).get("version"),
                "at", day + "T00:00"));
        String datedDraft = write("Daterad i morse", "draft");
        assertEquals(303, asa.post("/posts/" + datedDraft + "/edit", with(asa.editForm(datedDraft), "publishedAt", day + " 00:00",
                "action", "save")).status());
        var now = asa.post("/posts/" + datedDraft + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(datedDraft).get("version")));
        // Across midnight "today" is another day on either side: nothing to say then.
        Assumptions.assumeTrue(day.equals(LocalDate.now(stockholm)), "midnight passed during the test");
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
        var m = Pattern.compile("<p class=\"meta\"><time datetime=\"[^\"]*\">([^<]*)</time>").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
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

    /**
     * A scheduled post's own page, to its author, is no article yet, as a draft's is not: never indexed, and no canonical
     * address, Open Graph or JSON-LD giving a link preview or a search engine a publication date readers cannot see yet.
     */
    @Test
    void aScheduledPostsPageToItsAuthorIsNoArticleYet() {
        String slug = write("Schemalagt men inte än", "draft");
        var later = asa.post("/posts/" + slug + "/publish", Map.of("csrf", asa.csrf, "version", asa.editForm(slug).get("version"),
                "at", "2031-06-06T09:30"));
        assertEquals("/drafts?done=scheduled&post=" + slug, later.header("location"));
        assertEquals(404, http.get("/posts/" + slug).status(), "not before its time");
        String own = asa.get("/posts/" + slug).body();
        assertTrue(own.contains("Schemalagt men inte än") && own.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), own);
        for (String published : List.of("rel=\"canonical\"", "og:type", "application/ld+json", "datePublished")) {
            assertFalse(own.contains(published), published + ": " + own);
        }
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

    /**
     * "Till utkast" clicked on a page opened before the post was edited in another tab takes nothing off the site: the
     * author is told it changed, and the post stays published with the edit, as a stale publish is refused.
     */
    @Test
    void backToDraftFromAPageOpenedBeforeAnEditLeavesThePostPublished() {
        String slug = write("Kvar på webbplatsen", "publish");
        String seen = asa.editForm(slug).get("version");
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "body", "Rättad i en annan flik.", "action", "save")).status());

        var stale = asa.post("/posts/" + slug + "/unpublish", Map.of("csrf", asa.csrf, "version", seen));
        assertEquals(409, stale.status(), stale.body());
        assertTrue(stale.body().contains("Inlägget har ändrats sedan du öppnade sidan"), stale.body());
        var post = http.get("/posts/" + slug);
        assertEquals(200, post.status(), "still published");
        assertTrue(post.body().contains("Rättad i en annan flik."), post.body());
    }
}
