package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.inlagg.http.Caching;

/**
 * The edit form with its conflicts, the preview and deleting: a save over a change made meanwhile shows both and loses
 * nothing, the preview is the readers' page marked as one, a delete asks first, and another author's post is theirs alone.
 */
class EditAndPreviewEndToEndTest extends AuthorPagesTest {

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

    /**
     * A draft's address typed in capitals is sent on to its page for its author alone, and that redirect is kept by no
     * cache, the author's own browser included, as their pages are not; to a reader there is no such post.
     */
    @Test
    void aDraftsAddressTypedInCapitalsIsSentOnForItsAuthorAloneAndKeptByNoCache() {
        // As the other author: the tests that read Åsa's "Mina inlägg" read its first page only, which her posts here filled.
        String draft = write(other, "Utkast med versaler", "draft");
        String typed = "/posts/" + draft.toUpperCase(Locale.ROOT);
        var own = other.get(typed);
        assertEquals(301, own.status(), own.body());
        assertEquals("/posts/" + draft, own.header("location"));
        assertEquals(Caching.NO_STORE, own.header("cache-control"));
        var reader = http.get(typed);
        assertEquals(404, reader.status(), "a reader is told of no draft");
        assertEquals(Caching.NO_STORE, reader.header("cache-control"));
        var published = http.get("/posts/" + write(other, "Publicerat med versaler", "publish").toUpperCase(Locale.ROOT));
        assertEquals(301, published.status());
        assertTrue(published.header("cache-control").startsWith("public"), "a published post's for everyone, as before");
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
        var sameTab = Pattern.compile("<a href=\"(/[^\"]*)\">").matcher(html).results().map(m -> m.group(1)).toList();
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

    /**
     * A form refused for its picture (an address with no alt text) comes back at the version its text was written from,
     * not the post's now: put right and sent again after another tab saved, it meets that change instead of saving over
     * it unseen.
     */
    @Test
    void aFormRefusedForItsPictureAndPutRightStillMeetsAChangeMadeMeanwhile() {
        String slug = write("Bild i två flikar", "publish");
        var secondTab = tabOpenedBeforeAnEdit(slug, "Ändrad i första fliken");
        var noAlt = asa.post("/posts/" + slug + "/edit", with(secondTab, "body", "Andra flikens text.", "imageUrl",
                "https://example.com/bild.jpg", "imageAlt", "", "action", "save"));
        assertEquals(400, noAlt.status(), noAlt.body());
        assertSentAgainMeetsTheChangeMadeMeanwhile(slug, noAlt.body(), "Ändrad i första fliken", "imageAlt", "En bild");
    }

    /**
     * "Spara" clicked twice: the second click finds the post saying what the form says already and goes where the first
     * went, saving nothing more, not to a page that says the post changed since the form was opened.
     */
    @Test
    void anEditFormSentTwiceSavesOnceAndShowsNoConflict() {
        String slug = write("Dubbelklickad", "publish");
        var form = with(asa.editForm(slug), "body", "Texten rättad en gång.", "action", "save");
        var first = asa.post("/posts/" + slug + "/edit", form);
        assertEquals(303, first.status());
        var second = asa.post("/posts/" + slug + "/edit", form);
        assertEquals(303, second.status(), second.body());
        assertEquals(first.header("location"), second.header("location"));
        assertEquals("2", asa.editForm(slug).get("version"), "saved once");
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
}
