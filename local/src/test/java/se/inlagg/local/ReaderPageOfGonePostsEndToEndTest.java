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
 * A list page's link to newer posts once they are all gone, through 25 posts, of a category and of a category in a month:
 * a class, so a server and a table, of its own, as {@link ReaderListPagingEndToEndTest} says why (the two in one class took
 * 132 s on LocalStack, the second paying for the first's posts at every write).
 */
class ReaderPageOfGonePostsEndToEndTest extends ServerTest {

    /** Every newer post deleted, "Nyare inlägg" leads to the list's first page, not an empty page with no way on. */
    @Test
    void aPageWhosePostsAreAllGoneSinceItsLinkLeadsToTheFirstPage() {
        var gone = http.get(newerLinkOnceItsPostsAreGone("Borta sedan länken", "2012-05", "/tags/borta-sedan-lanken"));
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
        post(http, "Kvar i juli", "Text.", "2012-07-01T09:00", "Bo Borta", "Frivården Borta", "published", false, "Borta i månaden");
        var gone = http.get(newerLinkOnceItsPostsAreGone("Borta i månaden", "2012-06", "/tags/borta-i-manaden?month=2012-06"));
        assertEquals(303, gone.status());
        assertEquals("/tags/borta-i-manaden?month=2012-06", gone.header("location"));
        assertEquals(5, titles(page(http, gone.header("location"))).size(), "June's posts still there, and not July's");
    }

    /**
     * 25 posts in the category {@code name}, one a day from the first of {@code month}, and the link to newer posts on the
     * second page of {@code list}, taken before the 20 newest are deleted: every post it led to is then gone.
     */
    private String newerLinkOnceItsPostsAreGone(String name, String month, String list) {
        List<String> slugs = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            slugs.add(post(http, name + " " + i, "Text.", month + String.format("-%02dT09:00", i), "Bo Borta", "Frivården Borta",
                    "published", false, name).path("slug").asText());
        }
        String newer = link(page(http, link(page(http, list), "next", "Äldre inlägg")), "prev", "Nyare inlägg");
        for (String slug : slugs.subList(5, 25)) {
            assertEquals(204, http.sendWith("DELETE", "/api/posts/" + slug, null, null, Map.of("If-Match", "*")).status());
        }
        return newer;
    }
}
