package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An author's own posts a page at a time through 21 drafts: a class, so a server and a table, of its own, as
 * {@link ReaderListPagingEndToEndTest} says why.
 */
class MyPostsPagingEndToEndTest extends ServerTest {

    @Test
    void myPostsComeAPageAtATime() {
        AuthorBrowser asa = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        for (int i = 1; i <= 20; i++) {
            AuthorPagesTest.write(asa, "Bläddra bland mina " + i, "draft");
        }
        // Times are kept to the second, and posts changed within one second are in no particular order.
        AuthorPagesTest.pause();
        AuthorPagesTest.write(asa, "Bläddra bland mina 21", "draft");
        String first = asa.get("/drafts").body();
        var older = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\">Äldre inlägg</a>").matcher(first);
        assertTrue(older.find(), "a link to older posts");
        String second = asa.get(older.group(1).replace("&amp;", "&")).body();
        assertTrue(second.contains("<h1>Mina inlägg</h1>"));
        assertFalse(second.contains("Bläddra bland mina 21<"), "the newest is on the first page only");
        assertTrue(second.contains("<a href=\"/drafts\">Första sidan</a>"), "a way back to the first page");
        // The second page starts right after the first: no post is skipped between them.
        for (int i = 1; i <= 21; i++) {
            assertTrue((first + second).contains("Bläddra bland mina " + i + "<"), "post " + i + " is on one of the two pages");
        }
        assertFalse(first.contains("Första sidan"), "the first page needs none");
        assertEquals(400, asa.get("/drafts?cursor=inte-en-markor").status());
        assertEquals(400, asa.get("/drafts?cursor=" + "a".repeat(600)).status(), "too long to be one: refused, as on the reader's lists");
    }
}
