package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a request costs does not grow with the blog: the fortieth post titled "Månadsmöte" costs the
 * calls and capacity the second did, and a page of any list costs the same at 100 posts as at 300.
 * Counted, not timed, on the embedded DynamoDB on either backend (see {@link DynamoForTests#embedded}).
 */
class DataSizeTest {

    @TempDir
    Path data;

    @Test
    void everyRequestCostsTheSameCallsAndCapacityAtTwoTableSizes() throws Exception {
        try (DataSize blog = new DataSize(data, "PostsTable-DataSize")) {
            blog.growTo(100);
            blog.costs();                        // the first "Månadsmöte" claims the bare slug
            Map<String, MeteredDynamo.Cost> small = new TreeMap<>(blog.costs());
            blog.growTo(300);
            blog.createMonthlyMeetings(36);      // the title is now on its fortieth post
            Map<String, MeteredDynamo.Cost> large = new TreeMap<>(blog.costs());
            small.forEach((request, cost) -> {
                assertEquals(cost.operations(), large.get(request).operations(), request + ": the same calls at 100 and 300 posts");
                assertEquals(cost.capacityUnits(), large.get(request).capacityUnits(), 0.0001, request + ": the same capacity");
            });
            assertEquals(1, large.get("front page").operations().stream().filter(o -> o.equals("Query")).count(),
                    "a page of a list is one Query: " + large.get("front page"));
            assertEquals(List.of("Query"), large.get("API list by category").operations(),
                    "the API's list of a category is its one Query, the category not read beside it");
            assertEquals(List.of("BatchGetItem", "TransactWriteItems"), large.get("create, a title used before").operations(),
                    "a create reads its title's slug counter and its facets in one batch, then writes once");
            assertEquals(List.of("BatchGetItem"), large.get("edit form").operations(),
                    "an author's page reads the session, the post's slug and the post its slug names in one batch");
            assertEquals("Query", large.get("post page").operations().get(0),
                    "the post page reads the post and body its slug names in one Query: " + large.get("post page"));
            assertFalse(large.get("post page").operations().contains("BatchGetItem"),
                    "a reader's post page needs no claim of its slug, nor a second request shape: " + large.get("post page"));
        }
    }
}
