package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.inlagg.web.Shown;

/**
 * What an author meets acting on "Mina inlägg" narrowed by ?status (found by a review): publishing from "Utkast" leads back
 * to it, a cursor of one list is no cursor of another, and each list names itself. A server of its own on the embedded DynamoDB, so the indexes can be held behind the
 * table as DynamoDB's may be ({@link LaggingIndexes}), and an author of each test's own, so each list is that test's alone.
 */
@SameOnEveryBackend
class MyPostsByStatusActionsEndToEndTest {

    static EmbeddedServer own;
    static LocalServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        own = EmbeddedServer.start("inlagg-status-review");
        server = own.server;
        http = new Http(server.baseUri(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        own.close();
    }

    /** A second's wait, so the next post is changed a second later (the list's order is by the second). */
    private static void pause() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String newToken(String name) {
        return AuthorBrowser.newAuthor(server, name, "status-review-" + UUID.randomUUID());
    }

    /** The status the list gives a post ("Utkast", "Publicerat 6 december 2026" …), or empty when it is not listed. */
    private static Optional<String> listedAs(String page, String slug) {
        var row = Pattern.compile("<h2><a href=\"/posts/" + Pattern.quote(slug)
                + "\">[^<]*</a></h2>\\s*<p class=\"meta\"><span class=\"status [^\"]*\">([^<]*)</span>").matcher(page);
        return row.find() ? Optional.of(row.group(1)) : Optional.empty();
    }

    /** The version a row of "Mina inlägg" carries in its own publish form, as the page gives it. */
    private static String rowVersion(String page, String slug) {
        Matcher form = Pattern.compile("action=\"/posts/" + Pattern.quote(slug) + "/publish\"[^>]*>\\s*"
                + "<input type=\"hidden\" name=\"csrf\" value=\"[^\"]*\">\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\">").matcher(page);
        assertTrue(form.find(), "a \"Publicera nu\" form for " + slug + " in " + page);
        return form.group(1);
    }

    /**
     * An author going through their drafts on "Utkast" publishes one with its "Publicera nu": the confirmation sends them to
     * "Alla mina" (/drafts?done=published&post=…), not back to the drafts they were going through, so after every publish (or
     * "Gör till utkast" on "Publicerade och schemalagda", or a delete) they must choose the list again. The address the
     * action answers with should keep the list (?status=draft), and that list, read while the index is still behind the
     * table, should not show the post just published as a draft with "Publicera nu" beside it.
     */
    @Test
    void publishingADraftFromTheDraftsListLeadsBackToTheDrafts() {
        AuthorBrowser author = AuthorBrowser.signIn(http, newToken("Ulla Utkast"));
        String kept = author.write("Utkast som blir kvar", "draft");
        String slug = author.write("Utkast som publiceras från Utkast", "draft");
        String drafts = author.get("/drafts?status=draft").body();
        assertEquals(Optional.of("Utkast"), listedAs(drafts, slug));
        String location;
        String after;
        try (var lag = LaggingIndexes.hold(server)) {
            assertTrue(drafts.contains("<input type=\"hidden\" name=\"status\" value=\"draft\">"), "the row's form names its list");
            var published = author.post("/posts/" + slug + "/publish", Map.of("csrf", author.csrf, "version", rowVersion(drafts, slug),
                    "status", "draft"));
            assertEquals(303, published.status(), published.body());
            location = published.header("location");
            after = author.get(location).body();
        }
        assertTrue(after.contains("Inlägget är publicerat och syns för alla."), "the confirmation");
        assertTrue(location.startsWith("/drafts?status=draft") || location.contains("&status=draft"),
                "published from \"Utkast\", the author is sent to \"Alla\", not back to their drafts: " + location);
        assertTrue(after.contains("<a href=\"/drafts?status=draft\" aria-current=\"page\">Utkast</a>"), "the drafts, said so: " + after);
        assertEquals(Optional.of("Utkast"), listedAs(after, kept), "the other draft is still listed");
        assertFalse(listedAs(after, slug).filter("Utkast"::equals).isPresent(),
                "the post just published is not listed among the drafts (the index is behind): " + listedAs(after, slug));
    }

    /**
     * Every other list refuses a cursor of another list ("is not a cursor of this list; start again without it": a tag's
     * cursor on another tag, a month's on another month). A cursor of the drafts is taken by the published list (and by the
     * unfiltered one), which silently starts below wherever the drafts' page ended: every published post newer than that
     * point is skipped, with a 200 and no word of it.
     */
    @Test
    void aCursorOfTheDraftsIsNoCursorOfThePublishedPosts() {
        String token = newToken("Cilla Cursor");
        AuthorBrowser author = AuthorBrowser.signIn(http, token);
        author.write("Äldsta utkastet", "draft");
        pause();
        author.write("Nyaste utkastet", "draft");
        pause();
        String published = author.write("Publicerat efter utkasten", "publish");
        var drafts = http.getAs("/api/me/posts?status=draft&limit=1", token);
        assertEquals(200, drafts.status(), drafts.body());
        String cursor = drafts.json().path("nextCursor").asText();
        assertFalse(cursor.isEmpty(), "a next page of drafts: " + drafts.body());

        var mixed = http.getAs("/api/me/posts?status=published&cursor=" + cursor, token);
        assertNotEquals(200, mixed.status(), "the drafts' cursor was taken by the published list, which then skipped the published post "
                + published + " above it: " + mixed.body());
        ApiAsserts.assertError(mixed, 400, "validation_failed", "cursor");
    }

    /**
     * The page a mistyped ?status gets tells the author to choose "Publicerade", a choice the page does not have: it is
     * called "Publicerade och schemalagda".
     */
    @Test
    void theRefusalOfAnUnknownListNamesTheChoicesAsThePageDoes() {
        AuthorBrowser author = AuthorBrowser.signIn(http, newToken("Vera Vilse"));
        var wrong = author.get("/drafts?status=utkast");
        assertEquals(400, wrong.status());
        for (Shown s : Shown.values()) {
            assertTrue(wrong.body().contains(s.displayName()), "the refusal names \"" + s.displayName() + "\" as the choice is called: "
                    + wrong.body().replaceAll("(?s).*(Det finns ingen sådan lista[^<]*).*", "$1"));
        }
    }

    /**
     * "Alla mina", "Utkast" and "Publicerade och schemalagda" are three lists at three addresses, each kept as a bookmark (as the
     * README says), but every one has the same title, "Mina inlägg": a browser's tabs, history and bookmarks, and a screen
     * reader announcing the page, cannot tell them apart (WCAG 2.4.2 asks that a title say what the page is).
     */
    @Test
    void eachListHasATitleOfItsOwn() {
        AuthorBrowser author = AuthorBrowser.signIn(http, newToken("Tina Titel"));
        Pattern title = Pattern.compile("<title>([^<]*)</title>");
        Map<String, String> titles = new LinkedHashMap<>();
        for (Shown s : Shown.values()) {
            Matcher m = title.matcher(author.get(s.href()).body());
            assertTrue(m.find());
            titles.put(s.href(), m.group(1));
        }
        assertEquals(Shown.values().length, new HashSet<>(titles.values()).size(), "one title for three lists: " + titles);
    }

    /** A post deleted from "Utkast" leads back to the drafts: the question carries the list, and so do both its answers. */
    @Test
    void deletingFromTheDraftsListLeadsBackToTheDrafts() {
        AuthorBrowser author = AuthorBrowser.signIn(http, newToken("Doris Delete"));
        String slug = author.write("Utkast som tas bort från Utkast", "draft");
        assertTrue(author.get("/drafts?status=draft").body().contains("href=\"/posts/" + slug + "/delete?status=draft\""),
                "the row's delete link names its list");
        String question = author.get("/posts/" + slug + "/delete?status=draft").body();
        assertTrue(question.contains("<a href=\"/drafts?status=draft\">Nej, behåll det</a>"), question);
        var fields = AuthorBrowser.fields(question);
        assertEquals("draft", fields.get("status"), "the form carries the list");
        var deleted = author.post("/posts/" + slug + "/delete", fields);
        assertEquals(303, deleted.status(), deleted.body());
        assertEquals("/drafts?status=draft&done=deleted&post=" + slug, deleted.header("location"));
        assertFalse(author.get(deleted.header("location")).body().contains("Utkast som tas bort från Utkast<"), "gone from the list");
    }
}
