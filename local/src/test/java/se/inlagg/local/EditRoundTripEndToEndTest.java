package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A post written one way and changed another, and back: what a model-based random test of the API and the pages found
 * changed where nothing was asked to change, each as its shortest sequence.
 */
class EditRoundTripEndToEndTest extends ServerTest {

    static AuthorBrowser asa;

    @BeforeAll
    static void signIn() {
        asa = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
    }

    private static JsonNode own(String slug) {
        var r = http.getAs("/api/posts/" + slug, ServerExtension.TOKEN);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static Http.Reply patch(String slug, String json) {
        String etag = http.getAs("/api/posts/" + slug, ServerExtension.TOKEN).header("ETag");
        return http.sendWith("PATCH", "/api/posts/" + slug, "application/merge-patch+json", json, Map.of("If-Match", etag));
    }

    /** The post's edit form sent back as the page shows it, with this button. */
    private static Http.Reply sentUnchanged(String slug, String action) {
        Map<String, String> form = new LinkedHashMap<>(asa.editForm(slug));
        form.put("action", action);
        return asa.post("/posts/" + slug + "/edit", form);
    }

    /**
     * A scheduled post taken back to draft by PATCH {"status": "draft"} has no date of its own, as POST /unpublish leaves
     * it: published again with no date, it goes out now, not at the time it was once scheduled for (it was answered dated
     * at 2031, and published again it stayed out of every list until then).
     */
    @Test
    void aScheduledPostTakenBackByPatchHasNoDateOfItsOwnAndGoesOutNowWhenPublishedAgain() {
        String slug = http.created(Http.post("Planerat och ångrat", "Text.", "2031-01-01T00:00:00Z", "Åsa Öberg", "Frivården Malmö",
                "published", "Schemalagt")).path("slug").asText();
        assertEquals(200, patch(slug, "{\"status\": \"draft\"}").status());
        JsonNode draft = own(slug);
        assertFalse(draft.path("dated").asBoolean(), "dated " + draft.path("dated") + " at " + draft.path("publishedAt").asText());

        Instant before = Instant.now().minusSeconds(1);
        var again = patch(slug, "{\"status\": \"published\"}");
        assertEquals(200, again.status(), again.body());
        Instant at = Instant.parse(again.json().path("publishedAt").asText());
        assertTrue(!at.isBefore(before) && at.isBefore(Instant.now().plusSeconds(2)), "published now, not at " + at);
        assertEquals(200, http.get("/api/posts/" + slug).status(), "readers see it");

        String kept = http.created(Http.post("Planerat och kvar", "Text.", "2031-02-01T00:00:00Z", "Åsa Öberg", "Frivården Malmö",
                "published")).path("slug").asText();
        assertEquals(200, patch(kept, "{\"title\": \"Planerat och kvar, ny rubrik\"}").status());
        assertEquals("2031-02-01T00:00:00Z", own(kept).path("publishedAt").asText(), "an edit that keeps it scheduled keeps its time");
    }

    /**
     * A PATCH naming the post's category in another case, where other posts count in it under its name, changes nothing:
     * the category keeps its name, so the post its version (a client holding its ETag is not refused) and no version is kept.
     */
    @Test
    void aPatchNamingACountedCategoryInAnotherCaseChangesNothing() {
        http.created(Http.post("Möte om versioner i mars", "Text.", "2020-03-01T10:00:00Z", "Åsa Öberg", "Frivården Malmö",
                "published", "Versionsmöte"));
        String slug = http.created(Http.post("Möte om versioner", "Text.", "2020-01-01T10:00:00Z", "Åsa Öberg", "Frivården Malmö",
                "published", "Versionsmöte")).path("slug").asText();
        long version = own(slug).path("version").asLong();
        var patched = patch(slug, "{\"tags\": [\"versionsmöte\"]}");
        assertEquals(200, patched.status(), patched.body());
        JsonNode after = own(slug);
        assertEquals("Versionsmöte", after.path("tags").path(0).path("name").asText());
        assertEquals(version, after.path("version").asLong(), "the version other clients hold still matches");
        assertEquals(0, http.getAs("/api/posts/" + slug + "/versions", ServerExtension.TOKEN).json().path("items").size(), "no version kept");
    }

    /**
     * A draft's category that no post counts in yet is the draft's to spell: put right while it is still a draft, it is
     * kept so (it was answered and kept in its first spelling), and published, the category is named so.
     */
    @Test
    void aDraftPutsRightTheSpellingOfACategoryOnlyItUses() {
        String slug = http.created(Http.post("Utkast med felstavad kategori", "Text.", null, "Åsa Öberg", "Frivården Malmö",
                "draft", "felstavadkategori")).path("slug").asText();
        var respelled = patch(slug, "{\"tags\": [\"Felstavadkategori\"]}");
        assertEquals(200, respelled.status(), respelled.body());
        assertEquals("Felstavadkategori", respelled.json().path("tags").path(0).path("name").asText(), respelled.body());
        assertEquals("Felstavadkategori", own(slug).path("tags").path(0).path("name").asText(), "kept as put right");
        assertEquals(200, patch(slug, "{\"status\": \"published\"}").status());
        assertEquals("Felstavadkategori", EditingLifecycleEndToEndTest.tagName("felstavadkategori"), "the category named as put right");
    }

    /**
     * A draft's category that a published post has come to count in since, spelt its own way, is named as that post named
     * it when the draft is published: readers keep the name they saw, and the two posts' categories read alike.
     */
    @Test
    void aDraftPublishedIntoACategoryAPostCountsInSinceTakesThatPostsSpelling() {
        String slug = http.created(Http.post("Utkast före stavningen", "Text.", null, "Åsa Öberg", "Frivården Malmö",
                "draft", "senarestavning")).path("slug").asText();
        http.created(Http.post("Publicerat med stavningen", "Text.", null, "Åsa Öberg", "Frivården Malmö", "published", "Senarestavning"));
        assertEquals("Senarestavning", EditingLifecycleEndToEndTest.tagName("senarestavning"), "the published post's spelling");

        var published = patch(slug, "{\"status\": \"published\"}");

        assertEquals(200, published.status(), published.body());
        assertEquals("Senarestavning", published.json().path("tags").path(0).path("name").asText(), published.body());
        assertEquals("Senarestavning", EditingLifecycleEndToEndTest.tagName("senarestavning"), "the category keeps its name");
    }

    /**
     * A category an API client named with a comma ("Ett, två") is shown in the edit form among the others, joined by commas:
     * saved unchanged, the post keeps it whole (it was split into two categories nobody made, and left its own).
     */
    @Test
    void savingTheEditFormUnchangedKeepsACategoryWithACommaWhole() {
        JsonNode created = http.created(Http.post("Komma i kategorin", "Text.", "2020-06-01T10:00:00Z", "Åsa Öberg", "Frivården Malmö",
                "published", "Ett, två", "Tre"));
        String slug = created.path("slug").asText();
        assertEquals(303, sentUnchanged(slug, "save").status());
        assertEquals(created.path("tags").toString(), own(slug).path("tags").toString());
        assertEquals(200, http.get("/tags/ett-tva").status());
        assertEquals(404, http.get("/tags/ett").status(), "no category nobody made");
    }

    /**
     * The same with the comma's category after another: the form shows it after ", ", so it stands between the separators
     * with a space before it, and is still the one category (read without that space, it was split into two).
     */
    @Test
    void savingTheEditFormUnchangedKeepsACategoryWithACommaWholeAfterAnother() {
        JsonNode created = http.created(Http.post("Komma i andra kategorin", "Text.", "2020-06-01T10:00:00Z", "Åsa Öberg",
                "Frivården Malmö", "published", "Alfa", "Fyra, fem"));
        String slug = created.path("slug").asText();
        assertEquals(303, sentUnchanged(slug, "save").status());
        assertEquals(created.path("tags").toString(), own(slug).path("tags").toString());
        assertEquals(404, http.get("/tags/fyra").status(), "no category nobody made");
    }

    /**
     * A text that begins with a blank line keeps it through the edit form: the page writes a line break after the text
     * area's start tag, which browsers drop, where they dropped the text's own.
     */
    @Test
    void savingTheEditFormUnchangedKeepsATextThatBeginsWithABlankLine() {
        String slug = http.created(Http.post("Tom rad först", "\nTexten börjar efter en tom rad.", "2020-06-01T10:00:00Z", "Åsa Öberg",
                "Frivården Malmö", "published", "Rader")).path("slug").asText();
        JsonNode before = own(slug);
        assertEquals(303, sentUnchanged(slug, "save").status());
        JsonNode after = own(slug);
        assertEquals(before.path("body").asText(), after.path("body").asText());
        assertEquals(before.path("version").asLong(), after.path("version").asLong(), "nothing changed");
    }
}
