package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Mina inlägg" as its author is sent to it right after publishing, scheduling or taking back a post (from the list or the
 * preview): the page reads the author's posts from GSI2, which in DynamoDB follows the table a moment behind (tens or
 * hundreds of milliseconds, sometimes seconds), and here is held behind it ({@link LaggingIndexes}). The address names the
 * post (?done=published&post=slug), so the page can show that post as it is now: not as a draft under "Inlägget är publicerat
 * och syns för alla" with "Publicera nu" beside it, nor not at all, which to an author with one post says "Du har inga inlägg
 * ännu" under the confirmation of their first. Only the embedded DynamoDB's indexes can be held, so the server here is
 * one of its own on it, whatever backend the other tests run on (CI's run on LocalStack leaves it out).
 */
@SameOnEveryBackend
class MyPostsRightAfterAWriteEndToEndTest {

    static EmbeddedServer own;
    static LocalServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        own = EmbeddedServer.start("inlagg-efter");
        server = own.server;
        http = new Http(server.baseUri(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        own.close();
    }

    /** An author of this test alone, so their list holds only what the test wrote. */
    private static AuthorBrowser newAuthor(String name) {
        return AuthorBrowser.signIn(http, AuthorBrowser.newAuthor(server, name, "efter-" + UUID.randomUUID()));
    }

    /** The status the list gives a post ("Utkast", "Publicerat 6 december 2026" …), or empty when it is not listed. */
    private static Optional<String> listedAs(String page, String slug) {
        var row = Pattern.compile("<h2><a href=\"/posts/" + Pattern.quote(slug)
                + "\">[^<]*</a></h2>\\s*<p class=\"meta\"><span class=\"status [^\"]*\">([^<]*)</span>").matcher(page);
        return row.find() ? Optional.of(row.group(1)) : Optional.empty();
    }

    private static String publish(AuthorBrowser author, String slug, String... at) {
        var preview = AuthorBrowser.fields(author.get("/posts/" + slug + "/preview").body());
        Map<String, String> form = new LinkedHashMap<>(Map.of("csrf", author.csrf, "version", preview.get("version")));
        if (at.length > 0) {
            form.put("at", at[0]);
        }
        var published = author.post("/posts/" + slug + "/publish", form);
        assertEquals(303, published.status(), published.body());
        return published.header("location");
    }

    @Test
    void aDraftPublishedIsListedAsPublishedOnThePageThatSaysSo() {
        var author = newAuthor("Petra Publicerar");
        String slug = author.write("Utkast som publiceras", "draft");
        String mine;
        try (var lag = LaggingIndexes.hold(server)) {
            String location = publish(author, slug);
            assertEquals("/drafts?done=published&post=" + slug, location);
            mine = author.get(location).body();
        }
        assertTrue(mine.contains("Inlägget är publicerat och syns för alla."), "the confirmation");
        assertTrue(listedAs(mine, slug).filter(s -> s.startsWith("Publicerat")).isPresent(),
                "the post the page says is published is listed as published, but it was listed as " + listedAs(mine, slug));
        assertFalse(mine.contains("action=\"/posts/" + slug + "/publish\""), "and offered no \"Publicera nu\" again");
    }

    @Test
    void aPostScheduledOrTakenBackIsListedAsItIsNow() {
        var author = newAuthor("Sara Schemalägger");
        String scheduled = author.write("Utkast som schemaläggs", "draft");
        String taken = author.write("Inlägg som tas tillbaka", "publish");
        String afterSchedule;
        String afterTaking;
        try (var lag = LaggingIndexes.hold(server)) {
            afterSchedule = author.get(publish(author, scheduled, "2031-12-24T15:00")).body();
            var preview = AuthorBrowser.fields(author.get("/posts/" + taken + "/preview").body());
            var back = author.post("/posts/" + taken + "/unpublish", Map.of("csrf", author.csrf, "version", preview.get("version")));
            assertEquals("/drafts?done=unpublished&post=" + taken, back.header("location"));
            afterTaking = author.get(back.header("location")).body();
        }
        assertAll(
                () -> assertTrue(afterSchedule.contains("Inlägget är schemalagt"), "the confirmation"),
                () -> assertEquals(Optional.of("Schemalagt till 24 december 2031 kl. 15.00"), listedAs(afterSchedule, scheduled),
                        "the post the page says is scheduled is listed with its time"),
                () -> assertTrue(afterTaking.contains("Inlägget är ett utkast igen"), "the confirmation"),
                () -> assertEquals(Optional.of("Utkast"), listedAs(afterTaking, taken), "the post the page says is a draft again is listed as one"));
    }

    @Test
    void aFirstPostPublishedFromItsPreviewRightAfterItWasWrittenIsOnThePageThatSaysItIsPublished() {
        var author = newAuthor("Nina Nybörjare");
        String mine;
        try (var lag = LaggingIndexes.hold(server)) {
            // "Spara som utkast och förhandsgranska", then "Publicera nu" on the preview a moment later.
            String slug = author.write("Mitt allra första inlägg", "preview").replace("/preview", "");
            mine = author.get(publish(author, slug)).body();
            assertTrue(mine.contains("Inlägget är publicerat och syns för alla."), "the confirmation");
            assertFalse(mine.contains("Du har inga inlägg ännu."), "the page said that the author had no posts, under the confirmation"
                    + " that their first was published");
            assertTrue(listedAs(mine, slug).filter(s -> s.startsWith("Publicerat")).isPresent(),
                    "the post just published is listed, as published: " + listedAs(mine, slug));
        }
    }

    /**
     * Deleted from its confirmation page, a post is gone (its page, edit form and delete page are not found), and the list the
     * author is sent to, under "Inlägget är borttaget.", does not show it, though the index it reads still has it: listed
     * with its links, each of them a 404, to its author the delete would not have taken.
     */
    @Test
    void aDeletedPostIsNotListedOnThePageThatSaysItIsDeleted() {
        var author = newAuthor("Tora Tarbort");
        String kept = author.write("Inlägg som blir kvar", "draft");
        String slug = author.write("Inlägg som tas bort", "draft");
        String mine;
        try (var lag = LaggingIndexes.hold(server)) {
            var question = AuthorBrowser.fields(author.get("/posts/" + slug + "/delete").body());
            var deleted = author.post("/posts/" + slug + "/delete", Map.of("csrf", author.csrf, "version", question.get("version"), "confirm", "ja"));
            assertEquals(303, deleted.status(), deleted.body());
            assertEquals(404, author.get("/posts/" + slug + "/edit").status(), "deleted");
            mine = author.get(deleted.header("location")).body();
        }
        assertTrue(mine.contains("Inlägget är borttaget."), "the confirmation");
        assertEquals(Optional.of("Utkast"), listedAs(mine, kept), "the author's other post is listed");
        assertEquals(Optional.empty(), listedAs(mine, slug), "the post the page says is deleted is not listed, with links that are"
                + " not found");
    }
}
