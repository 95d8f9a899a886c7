package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What a batch read does with the keys DynamoDB leaves unprocessed (neither emulator ever leaves any,
 * so this is checked on the requests themselves): asks for exactly those again, keeps going while
 * rounds read something, and gives up as throttled, which functions answer as busy, when they read nothing.
 */
class TableBatchGetTest {

    private static final Duration BUDGET = Duration.ofMillis(100);

    @Test
    void unprocessedKeysAreAskedAgainUntilEveryItemIsRead() {
        // DynamoDB reads one of the keys asked per round, as a throttled table may.
        Batches dynamo = new Batches(asked -> 1);
        Table table = new Table("Posts", () -> dynamo, BUDGET);

        List<Item> found = table.batchGet(keys("a", "b", "c", "d", "e"));

        assertEquals(Set.of("a", "b", "c", "d", "e"), pks(found));
        assertEquals(List.of(5, 4, 3, 2, 1), dynamo.askedPerCall, "each call asks only for what is still unread");
    }

    @Test
    void aTableThatReadsNothingEndsInThrottlingNotInALoop() {
        Batches dynamo = new Batches(asked -> 0);
        Table table = new Table("Posts", () -> dynamo, BUDGET);

        AwsServiceException e = assertThrows(AwsServiceException.class, () -> table.batchGet(keys("a", "b")));

        assertTrue(e.isThrottlingException(), "a function answers throttling as busy (503 with Retry-After)");
        assertTrue(dynamo.askedPerCall.size() > 1, "it asked again before giving up: " + dynamo.askedPerCall);
        assertTrue(dynamo.askedPerCall.size() < 20, "pauses between calls: " + dynamo.askedPerCall);
    }

    /**
     * More keys than one BatchGetItem takes (100) are read in calls of 100 and what is left, every one of them: a rebuild
     * of the search index reads its pages of 100 posts' bodies so, and a body left out is a post whose words no search finds.
     */
    @Test
    void moreKeysThanOneCallTakesAreEachReadOnce() {
        Batches dynamo = new Batches(asked -> asked);
        Table table = new Table("Posts", () -> dynamo, BUDGET);
        String[] pks = new String[250];
        for (int i = 0; i < pks.length; i++) {
            pks[i] = "POST#" + i;
        }

        List<Item> found = table.batchGet(keys(pks));

        assertEquals(new TreeSet<>(List.of(pks)), pks(found));
        assertEquals(250, found.size(), "each once");
        assertEquals(List.of(100, 100, 50), dynamo.askedPerCall);
        assertEquals(100, table.batchGet(keys(Arrays.copyOf(pks, 100))).size(), "a page of exactly 100, the rebuild's");
    }

    private static List<Map<String, AttributeValue>> keys(String... pks) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String pk : pks) {
            keys.add(Table.key(pk, "POST"));
        }
        return keys;
    }

    private static Set<String> pks(List<Item> items) {
        Set<String> pks = new TreeSet<>();
        items.forEach(i -> pks.add(i.string(Keys.PK)));
        return pks;
    }

    /** Reads as many of the keys asked as it is told to, the rest handed back as unprocessed. */
    private static final class Batches implements DynamoDbClient {

        private final IntFunction<Integer> readOf;
        final List<Integer> askedPerCall = new ArrayList<>();

        Batches(IntFunction<Integer> readOf) {
            this.readOf = readOf;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            List<Map<String, AttributeValue>> asked = request.requestItems().get("Posts").keys();
            askedPerCall.add(asked.size());
            if (askedPerCall.size() > 50) {
                throw new AssertionError("asked again and again: " + askedPerCall.size() + " calls");
            }
            int read = Math.min(asked.size(), readOf.apply(asked.size()));
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (var key : asked.subList(0, read)) {
                Map<String, AttributeValue> item = new HashMap<>(key);
                item.put("title", AttributeValue.fromS("Fika på kontoret"));
                items.add(item);
            }
            var rest = asked.subList(read, asked.size());
            return BatchGetItemResponse.builder()
                    .responses(Map.of("Posts", items))
                    .unprocessedKeys(rest.isEmpty() ? Map.of()
                            : Map.of("Posts", KeysAndAttributes.builder().keys(rest).consistentRead(true).build()))
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
