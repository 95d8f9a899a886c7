package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "Mina inlägg" and /api/me/posts narrowed to an author's drafts, or to the posts published or scheduled, so a draft is
 * not behind every post changed since: a class, so a server and a table, of its own (its lists are the author's whole list).
 */
class MyPostsByStatusEndToEndTest extends ServerTest {

    @Test
    void anAuthorSeesOnlyTheirDraftsOrOnlyWhatIsPublished() {
        AuthorBrowser asa = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        String draft = asa.write("Ett utkast om Åre", "draft");
        AuthorPagesTest.pause();
        String published = asa.write("Publicerat om Örebro", "publish");
        AuthorPagesTest.pause();
        String scheduled = asa.write("Schemalagt om Växjö", "draft");
        var form = AuthorBrowser.fields(asa.get("/posts/" + scheduled + "/preview").body());
        assertEquals(303, asa.post("/posts/" + scheduled + "/publish",
                Map.of("csrf", asa.csrf, "version", form.get("version"), "at", "2031-12-24T15:00")).status());

        String drafts = asa.allPages("/drafts?status=draft");
        assertTrue(drafts.contains("Ett utkast om Åre<"), drafts);
        assertFalse(drafts.contains("Publicerat om Örebro") || drafts.contains("Schemalagt om Växjö"), "only drafts");
        assertTrue(drafts.contains("<a href=\"/drafts?status=draft\" aria-current=\"page\">Utkast</a>"), "the list it is, said");
        assertTrue(drafts.contains("<a href=\"/drafts\">Alla mina</a>"), "and the way back to all");

        String out = asa.allPages("/drafts?status=published");
        assertTrue(out.contains("Publicerat om Örebro<") && out.contains("Schemalagt om Växjö<"), "published and scheduled: " + out);
        assertFalse(out.contains("Ett utkast om Åre"), "no draft");
        assertTrue(out.contains(">Schemalagt till 24 december 2031 kl. 15.00</span>"), "a scheduled post says when");

        String all = asa.allPages("/drafts");
        assertTrue(all.contains("Ett utkast om Åre<") && all.contains("Publicerat om Örebro<") && all.contains("Schemalagt om Växjö<"));
        assertTrue(all.contains("<a href=\"/drafts\" aria-current=\"page\">Alla mina</a>"), all);

        var wrong = asa.get("/drafts?status=utkast");
        assertEquals(400, wrong.status(), "a list no link makes");
        assertTrue(wrong.body().contains("Det finns ingen sådan lista. Välj Alla mina, Utkast eller Publicerade och schemalagda i Mina inlägg."), wrong.body());

        assertEquals(List.of(draft), slugs("/api/me/posts?status=draft"));
        assertEquals(List.of(scheduled, published), slugs("/api/me/posts?status=published"));
        assertEquals(List.of(scheduled, published, draft), slugs("/api/me/posts"));
        assertEquals(List.of(scheduled, published), slugs("/api/me/posts?status=published&limit=1"), "a page at a time");
        ApiAsserts.assertError(http.getAs("/api/me/posts?status=utkast", ServerExtension.TOKEN), 400, "validation_failed", "status");
        // The oldest post is the only draft: the page that finds it at the end of the list is full and the last one, so
        // it offers no cursor to an empty page.
        var onlyDraft = http.getAs("/api/me/posts?status=draft&limit=1", ServerExtension.TOKEN);
        assertEquals(200, onlyDraft.status(), onlyDraft.body());
        assertEquals(1, onlyDraft.json().path("items").size(), onlyDraft.body());
        assertFalse(onlyDraft.json().path("nextCursor").isTextual(), "nothing after the last draft: " + onlyDraft.body());
    }

    @Test
    void theDraftsListPagesOnWithItsFilter() {
        // Another author, so the other test's list is the dev author's alone.
        AuthorBrowser asa = AuthorBrowser.signIn(http, AuthorBrowser.newAuthor(env.server, "Bertil Ek", "bertil-" + UUID.randomUUID()));
        for (int i = 1; i <= 20; i++) {
            asa.write("Utkast nummer " + i, "draft");
        }
        AuthorPagesTest.pause();
        asa.write("Utkast nummer 21", "draft");
        String first = asa.get("/drafts?status=draft").body();
        var older = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\">Äldre inlägg</a>").matcher(first);
        assertTrue(older.find(), "a link to older drafts");
        assertTrue(older.group(1).startsWith("/drafts?status=draft&amp;cursor="), "the next page keeps the filter: " + older.group(1));
        String second = asa.get(older.group(1).replace("&amp;", "&")).body();
        assertTrue(second.contains("<a href=\"/drafts?status=draft\">Första sidan</a>"), "back to the first page of drafts");
        assertFalse(second.contains("Utkast nummer 21<"), "the newest is on the first page only");
    }

    /** The slugs of every page of an API list, following its cursors. */
    private static List<String> slugs(String path) {
        List<String> slugs = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null; pages++) {
            assertTrue(pages < 20, "the cursors lead on without end");
            var reply = http.getAs(next, ServerExtension.TOKEN);
            assertEquals(200, reply.status(), reply.body());
            reply.json().path("items").forEach(i -> slugs.add(i.path("slug").asText()));
            var cursor = reply.json().path("nextCursor");
            next = cursor.isTextual() ? path + (path.contains("?") ? "&" : "?") + "cursor=" + cursor.asText() : null;
        }
        return slugs;
    }
}
