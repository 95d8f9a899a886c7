package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.inlagg.local.ReaderPagesEndToEndTest.link;
import static se.inlagg.local.ReaderPagesEndToEndTest.page;
import static se.inlagg.local.ReaderPagesEndToEndTest.post;
import static se.inlagg.local.ReaderPagesEndToEndTest.titles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A list page's link to newer posts once they are all gone, through 25 posts: a class, so a server and a table, of its
 * own, as {@link ReaderListPagingEndToEndTest} says why (the two in one class took 132 s on LocalStack, the second paying
 * for the first's posts at every write).
 */
class ReaderPageOfGonePostsEndToEndTest extends ServerTest {

    /** Every newer post deleted, "Nyare inlägg" leads to the list's first page, not an empty page with no way on. */
    @Test
    void aPageWhosePostsAreAllGoneSinceItsLinkLeadsToTheFirstPage() {
        List<String> slugs = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            slugs.add(post(http, "Borta sedan länken " + i, "Text.", String.format("2012-05-%02dT09:00", i), "Bo Borta",
                    "Frivården Borta", "published", false, "Borta sedan länken").path("slug").asText());
        }
        String second = page(http, link(page(http, "/tags/borta-sedan-lanken"), "next", "Äldre inlägg"));
        String newer = link(second, "prev", "Nyare inlägg");
        for (String slug : slugs.subList(5, 25)) {
            assertEquals(204, http.sendWith("DELETE", "/api/posts/" + slug, null, null, Map.of("If-Match", "*")).status());
        }
        var gone = http.get(newer);
        assertEquals(303, gone.status());
        assertEquals("/tags/borta-sedan-lanken", gone.header("location"));
        assertEquals(5, titles(page(http, "/tags/borta-sedan-lanken")).size(), "the posts still there");
    }

    /**
     * A category narrowed to a month stays narrowed: once the newer posts are gone, "Nyare inlägg" leads to the first page
     * of the category in that month, not of the whole category.
     */
    @Test
    void aPageOfACategoryInAMonthWhosePostsAreGoneLeadsToThatMonthsFirstPage() {
        List<String> slugs = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            slugs.add(post(http, "Borta i månaden " + i, "Text.", String.format("2012-06-%02dT09:00", i), "Bo Borta",
                    "Frivården Borta", "published", false, "Borta i månaden").path("slug").asText());
        }
        post(http, "Kvar i juli", "Text.", "2012-07-01T09:00", "Bo Borta", "Frivården Borta", "published", false, "Borta i månaden");
        String second = page(http, link(page(http, "/tags/borta-i-manaden?month=2012-06"), "next", "Äldre inlägg"));
        String newer = link(second, "prev", "Nyare inlägg");
        for (String slug : slugs.subList(5, 25)) {
            assertEquals(204, http.sendWith("DELETE", "/api/posts/" + slug, null, null, Map.of("If-Match", "*")).status());
        }
        var gone = http.get(newer);
        assertEquals(303, gone.status());
        assertEquals("/tags/borta-i-manaden?month=2012-06", gone.header("location"));
        assertEquals(5, titles(page(http, gone.header("location"))).size(), "June's posts still there, and not July's");
    }
}
