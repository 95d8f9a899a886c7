package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.api.MyPostsHandler;

/**
 * What a page of /api/me/posts?status= (and so "Utkast", "Publicerade och schemalagda") reads, counted, not timed, on the
 * embedded DynamoDB ({@link DataSize}): a draft begun years ago and left behind 2,100 posts changed since is found by
 * following cursors, each page a bounded read however much the author has written (unfiltered it was on page 106 of 20);
 * a page full at its first call reads no further, and one whose posts all match reads about what it shows.
 */
class MyPostsByStatusCostTest {

    @TempDir
    Path data;

    /**
     * PostLists.filtered asks whether the page is full only when it meets the next post of the status: a page that is full
     * after its first call reads on, call after call, through everything of the other status behind it, to the next match
     * or the 8-call cap. An author with 600 published posts and one draft, the newest, asking for one draft: the draft is
     * the first item of the first call, yet the page makes 3 Queries (601 summaries); behind 2,000 it makes 8 (160 read
     * units) for a page it had after the first. The same for "Utkast" whenever an author's 20 newest drafts are the last
     * drafts in the next 2,000 posts.
     */
    @Test
    void aPageFullAfterItsFirstCallReadsNoFurther() throws Exception {
        try (DataSize blog = new DataSize(data, "PostsTable-FullPage")) {
            blog.growTo(600);
            // Changes are kept to the second: a second later, the draft is the newest change, not one among others of its second.
            Thread.sleep(1_100);
            blog.draft("Det nyaste utkastet");
            DataSize.Answered answered = blog.answer(new MyPostsHandler(), DataSize.myPosts(Map.of("status", "draft", "limit", "1")), 200);
            JsonNode page = Http.JSON.readTree(answered.response().bodyText());
            assertEquals(List.of("Det nyaste utkastet"), page.path("items").findValuesAsText("title"));
            assertEquals(List.of("Query"), answered.cost().operations(),
                    "the page was full after the first call's first item, and read on through every published post: " + answered.cost());
        }
    }

    /**
     * Every call of a filtered page asks for 250 items whatever the page's limit, so a page of 20 published posts (the
     * first page of "Publicerade och schemalagda" for most authors, every post of it a match) reads 250 summaries: 20 read
     * units where the same 20 posts unfiltered cost 2, and ?limit=1 the same 20 for one post. The first call need read no
     * more than the page can show (limit + 1), and later ones more.
     */
    @Test
    void aPageOfPostsThatAllMatchReadsAboutWhatItShows() throws Exception {
        try (DataSize blog = new DataSize(data, "PostsTable-AllMatch")) {
            blog.growTo(300);
            double unfiltered = blog.answer(new MyPostsHandler(), DataSize.myPosts(Map.of("limit", "20")), 200).cost().capacityUnits();
            DataSize.Answered filtered = blog.answer(new MyPostsHandler(), DataSize.myPosts(Map.of("status", "published", "limit", "20")), 200);
            assertEquals(20, Http.JSON.readTree(filtered.response().bodyText()).path("items").size());
            assertTrue(filtered.cost().capacityUnits() <= 2 * unfiltered,
                    "20 published posts, all matches, cost " + filtered.cost().capacityUnits() + " read units filtered, "
                            + unfiltered + " unfiltered: " + filtered.cost());
        }
    }


    /** What one filtered page may read at most: PostLists' eight calls, of at most 250 summaries each. */
    private static final int MOST_QUERIES = 8;


    @Test
    void anOldDraftIsFoundBehindYearsOfPostsAndNoPageReadsWithoutBound() throws Exception {
        try (DataSize blog = new DataSize(data, "PostsTable-MyDrafts")) {
            blog.draft("Ett utkast från förr om Åre");
            blog.growTo(2_100);

            List<String> drafts = new ArrayList<>();
            Map<String, String> query = new HashMap<>(Map.of("status", "draft"));
            int pages = 0;
            while (true) {
                DataSize.Answered answered = blog.answer(new MyPostsHandler(), DataSize.myPosts(query), 200);
                pages++;
                long queries = answered.cost().operations().stream().filter("Query"::equals).count();
                assertEquals(answered.cost().calls(), queries, "a page is Queries of the author's list alone: " + answered.cost());
                assertTrue(queries <= MOST_QUERIES, "page " + pages + " read without bound: " + answered.cost());
                JsonNode page = Http.JSON.readTree(answered.response().bodyText());
                page.path("items").forEach(item -> {
                    assertEquals("draft", item.path("status").asText(), item.toString());
                    drafts.add(item.path("title").asText());
                });
                if (page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull()) {
                    break;
                }
                query.put("cursor", page.path("nextCursor").asText());
                assertTrue(pages < 5, "the cursors lead on without end");
            }
            assertEquals(List.of("Ett utkast från förr om Åre"), drafts);
            assertEquals(2, pages, "some 1,600 posts read past on the first page, which says so with a cursor, and the draft on the next");

            DataSize.Answered published = blog.answer(new MyPostsHandler(), DataSize.myPosts(Map.of("status", "published", "limit", "20")), 200);
            JsonNode page = Http.JSON.readTree(published.response().bodyText());
            assertEquals(20, page.path("items").size(), "a full page of published posts");
            assertTrue(page.path("nextCursor").isTextual(), "and more behind it");
            assertEquals(List.of("Query"), published.cost().operations(), "found in the first call's 250 summaries");
        }
    }
}
