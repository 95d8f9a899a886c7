package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ReaderPagesEndToEndTest.link;
import static se.inlagg.local.ReaderPagesEndToEndTest.meta;
import static se.inlagg.local.ReaderPagesEndToEndTest.page;
import static se.inlagg.local.ReaderPagesEndToEndTest.post;
import static se.inlagg.local.ReaderPagesEndToEndTest.titles;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader's list pages through 45 posts. A class, and so a server and a table, of its own: on LocalStack each
 * write copies the whole table, so these posts would make every later write of ReaderPagesEndToEndTest slower (README,
 * Tests on LocalStack). Not a second server started inside that class's tests: the functions read their settings from
 * system properties, so one server runs in a JVM at a time (LocalServer.start refuses a second), or the class's
 * server's functions, wired after the second started, would use its table and S3.
 */
class ReaderListPagingEndToEndTest extends ServerTest {

    @Test
    void listPagesPageBothWays() {
        for (int i = 1; i <= 45; i++) {
            post(http, "Fram och tillbaka " + i, "Text.", String.format("2011-04-%02dT%02d:00", 1 + i / 2, 8 + i % 2), "Åsa Öberg",
                    "Frivården Västervik", "published", false, "Bläddra åt båda håll");
        }
        String first = page(http, "/tags/bladdra-at-bada-hall");
        assertFalse(first.contains("Nyare inlägg"), "the first page has nothing newer");
        String second = page(http, link(first, "next", "Äldre inlägg"));
        String third = page(http, link(second, "next", "Äldre inlägg"));
        assertTrue(third.contains("Fram och tillbaka 1<") && !third.contains("Äldre inlägg"), "three pages of 20, 20 and 5");
        String backToSecond = page(http, link(third, "prev", "Nyare inlägg"));
        assertEquals(titles(second), titles(backToSecond));
        String backToFirst = page(http, link(backToSecond, "prev", "Nyare inlägg"));
        assertEquals(titles(first), titles(backToFirst));
        assertFalse(backToFirst.contains("Nyare inlägg"), "back at the first page");

        // The first page reached back through a cursor is no second address of it, and each page has a title of its own.
        String canonical = "<link rel=\"canonical\" href=\"([^\"]+)\">";
        assertTrue(meta(backToFirst, canonical).endsWith("/tags/bladdra-at-bada-hall"), meta(backToFirst, canonical));
        assertTrue(meta(second, canonical).contains("/tags/bladdra-at-bada-hall?cursor="), "a later page is its own");
        assertEquals("Kategori: Bläddra åt båda håll", meta(first, "<h1>([^<]+)</h1>"));
        // Each later page is named by the date it starts at, so pages 2 and 3 differ.
        assertEquals("Kategori: Bläddra åt båda håll – till och med 13 april 2011 – Inlägg", meta(second, "<title>([^<]+)</title>"));
        assertEquals("Kategori: Bläddra åt båda håll – till och med 3 april 2011 – Inlägg", meta(third, "<title>([^<]+)</title>"));
        assertEquals("Kategori: Bläddra åt båda håll – Inlägg", meta(backToFirst, "<title>([^<]+)</title>"));
        String frontSecond = meta(page(http, link(page(http, "/"), "next", "Äldre inlägg")), "<title>([^<]+)</title>");
        assertTrue(frontSecond.startsWith("Alla inlägg – till och med ") && frontSecond.endsWith(" – Inlägg")
                && frontSecond.split("Inlägg", -1).length == 2, "the site named once: " + frontSecond);
        // Narrowed to a month, a category says so; and a page of one post is not said to have more.
        String april = page(http, "/tags/bladdra-at-bada-hall?month=2011-04");
        assertEquals("Kategori: Bläddra åt båda håll, april 2011", meta(april, "<h1>([^<]+)</h1>"));
        assertEquals("Kategori: Bläddra åt båda håll. Senast: Fram och tillbaka 45, Fram och tillbaka 44 med flera.",
                meta(first, "<meta name=\"description\" content=\"([^\"]+)\">"));
        post(http, "Ensam i sin kategori", "Text.", "2011-05-02T09:00", "Åsa Öberg", "Frivården Västervik", "published", false, "Ensam kategori");
        assertEquals("Kategori: Ensam kategori. Ensam i sin kategori.",
                meta(page(http, "/tags/ensam-kategori"), "<meta name=\"description\" content=\"([^\"]+)\">"));
        assertEquals(400, http.get("/tags/bladdra-at-bada-hall?cursor=" + "A".repeat(600)).status(), "too long to be a cursor");
        assertEquals(400, http.get("/?cursor=" + "A".repeat(600)).status());
    }

    /** A list of two posts is described by both, and not said to have more ("med flera" is for three and more). */
    @Test
    void aListOfTwoPostsIsDescribedByBothAndNoMore() {
        post(http, "Först av två", "Text.", "2011-06-01T09:00", "Åsa Öberg", "Frivården Västervik", "published", false, "Par i kategori");
        post(http, "Sist av två", "Text.", "2011-06-02T09:00", "Åsa Öberg", "Frivården Västervik", "published", false, "Par i kategori");
        assertEquals("Kategori: Par i kategori. Senast: Sist av två, Först av två.",
                meta(page(http, "/tags/par-i-kategori"), "<meta name=\"description\" content=\"([^\"]+)\">"));
    }
}
