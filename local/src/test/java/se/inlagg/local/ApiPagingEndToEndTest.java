package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API's list a page at a time through 23 posts: a class, so a server and a table, of its own, as
 * {@link ReaderListPagingEndToEndTest} says why.
 */
class ApiPagingEndToEndTest extends ServerTest {

    @Test
    void aPageHoldsExactlyLimitItemsWhileMoreRemainAndTheLastHasNoCursor() {
        for (int i = 1; i <= 23; i++) {
            assertEquals(201, http.createPost("Veckobrev nummer " + i, String.format("2016-02-%02dT10:00:00+01:00", i), "Veckobrev").status());
        }
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            var page = http.get("/api/posts?tag=veckobrev&limit=10" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            sizes.add(page.path("items").size());
            page.path("items").forEach(p -> seen.add(p.path("publishedAt").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertEquals(List.of(10, 10, 3), sizes);
        assertEquals(23, new HashSet<>(seen).size(), "no post twice");
        List<String> newestFirst = new ArrayList<>(seen);
        newestFirst.sort(Comparator.reverseOrder());
        assertEquals(newestFirst, seen);
    }
}
