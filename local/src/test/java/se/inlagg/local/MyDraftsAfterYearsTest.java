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
 * A draft begun years ago and left, behind 2,100 posts changed since, is an author's first and only draft on
 * /api/me/posts?status=draft (what "Mina inlägg"'s Utkast shows), where unfiltered it was on page 106 of 20: reached by
 * following cursors, each page a bounded read however much the author has written. Counted, not timed, on the embedded
 * DynamoDB (see {@link DataSize}).
 */
class MyDraftsAfterYearsTest {

    /** What one filtered page may read at most: PostLists' eight calls of 250 summaries. */
    private static final int MOST_QUERIES = 8;

    @TempDir
    Path data;

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
            assertEquals(2, pages, "2,000 posts read past on the first page, which says so with a cursor, and the draft on the next");

            DataSize.Answered published = blog.answer(new MyPostsHandler(), DataSize.myPosts(Map.of("status", "published", "limit", "20")), 200);
            JsonNode page = Http.JSON.readTree(published.response().bodyText());
            assertEquals(20, page.path("items").size(), "a full page of published posts");
            assertTrue(page.path("nextCursor").isTextual(), "and more behind it");
            assertEquals(List.of("Query"), published.cost().operations(), "found in the first call's 250 summaries");
        }
    }
}
