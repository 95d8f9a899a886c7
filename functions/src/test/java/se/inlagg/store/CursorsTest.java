package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorsTest {

    static final String KEY = "2019-01-29T23:00:00Z#5ad2042c-f7f5-47ac-98da-d4ede0d324ab";

    @Test
    void aCursorNamesItsListMonthAndLastKey() {
        var position = new Cursors.Position("tag:frivard", "2019-01", KEY);
        assertEquals(Optional.of(position), Cursors.decode(Cursors.encode(position)));
        var feed = new Cursors.Position("feed", "", KEY);
        assertEquals(Optional.of(feed), Cursors.decode(Cursors.encode(feed)));
    }

    @Test
    void aCursorTowardsNewerPostsSaysSoAndIsNeverTakenForOneTowardsOlder() {
        var newer = new Cursors.Position("office:frivarden-vastervik", "", KEY, true);
        assertEquals(Optional.of(newer), Cursors.decode(Cursors.encode(newer)));
        assertEquals(false, Cursors.decode(Cursors.encode(new Cursors.Position("feed", "", KEY))).orElseThrow().newer());
        assertEquals(Optional.empty(), Cursors.decode(b64("n2|feed||" + KEY)));
    }

    /**
     * Every list a page leads on from reads its cursor back: an author's drafts and published posts, a person's, an office
     * whose name is three words. One refused is a 400 for "Äldre inlägg" on its first page.
     */
    @Test
    void everyListAPageLeadsOnFromReadsItsCursorBack() {
        for (String list : List.of("mine", "mine:draft", "mine:published", "person:anna-karin-lind", "office:frivarden-malmo-syd",
                "tag:ovrigt")) {
            var position = new Cursors.Position(list, "", KEY);
            assertEquals(Optional.of(position), Cursors.decode(Cursors.encode(position)), list);
        }
    }

    @Test
    void cursorsAreUrlSafe() {
        assertTrue(Cursors.encode(new Cursors.Position("tag:a-b", "", KEY)).matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void anythingButOurOwnCursorIsRefused() {
        for (String bad : new String[] {"", "!!!", "bm90LWEtY3Vyc29y", "x".repeat(600),
                b64("c1|feed||not-a-key"), b64("c1|tag:Frivård||" + KEY), b64("c2|feed||" + KEY),
                b64("c1|feed|2019-1|" + KEY), b64("c1|feed||" + KEY + "|extra"), b64("c1|feed||" + KEY + "\u0000")}) {
            assertEquals(Optional.empty(), Cursors.decode(bad), bad);
        }
    }

    /** A cursor edited to an impossible date is refused, not queried with to answer a page from nowhere. */
    @Test
    void aCursorWhoseDateIsNoTimeIsRefused() {
        String id = "#5ad2042c-f7f5-47ac-98da-d4ede0d324ab";
        for (String date : new String[] {"2019-13-01T00:00:00Z", "2019-00-10T00:00:00Z", "2026-02-30T12:00:00Z", "2019-04-31T00:00:00Z",
                "2019-01-29T25:00:00Z", "2019-01-29T23:60:00Z", "2019-01-29T24:00:00Z", "2019-01-29T23:59:60Z"}) {
            assertEquals(Optional.empty(), Cursors.decode(b64("c1|feed||" + date + id)), date);
            assertEquals(Optional.empty(), Cursors.decode(b64("n1|mine||" + date + id)), date);
        }
        assertEquals("2024-02-29T23:59:59Z" + id, Cursors.decode(b64("c1|feed||2024-02-29T23:59:59Z" + id)).orElseThrow().lastKey(),
                "a leap day is a day");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
