package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ReaderPagesEndToEndTest.page;
import static se.inlagg.local.ReaderPagesEndToEndTest.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A month of more than a hundred posts in its sitemap and its category's feed. A class, and so a server and a table, of
 * its own, as ReaderListPagingEndToEndTest is for its 45: on LocalStack each write copies the whole table.
 */
class FullMonthSitemapEndToEndTest extends ServerTest {

    /**
     * A month's sitemap is read a hundred posts a Query, and a feed holds the twenty newest posts: a month of 101 posts is in
     * its sitemap whole, each dated by its last change (the search engine's cue to fetch it again), and its category's feed
     * holds posts 101 to 82.
     */
    @Test
    void aMonthOfMoreThanAHundredPostsIsInItsSitemapWholeAndAFeedHoldsTheTwentyNewest() {
        List<JsonNode> created = IntStream.rangeClosed(1, 101).mapToObj(i -> post(http, "Många " + i, "Text.",
                String.format("2011-02-%02dT%02d:00", 2 + i / 24, i % 24), "Åsa Öberg", "Frivården Västervik", "published", false,
                "Många i februari")).toList();
        String sitemap = page(http, "/sitemaps/2011-02.xml");
        List<String> posts = Pattern.compile("<loc>[^<]*/posts/(manga-\\d+)</loc>").matcher(sitemap).results().map(m -> m.group(1)).toList();
        assertEquals(101, posts.size(), sitemap);
        assertTrue(posts.containsAll(List.of("manga-1", "manga-101")), posts.toString());
        // Created after the date it carries, so changed last when it was saved, not on 2 February 2011.
        assertTrue(sitemap.contains("/posts/manga-1</loc><lastmod>" + created.getFirst().path("updatedAt").asText() + "</lastmod>"), sitemap);

        String feed = page(http, "/tags/manga-i-februari/feed.xml");
        Matcher titles = Pattern.compile("<entry>\n<id>[^<]+</id>\n<title>([^<]+)</title>").matcher(feed);
        List<String> entries = titles.results().map(m -> m.group(1)).toList();
        assertEquals(20, entries.size(), feed);
        assertEquals("Många 101", entries.getFirst());
        assertEquals("Många 82", entries.getLast());
    }
}
