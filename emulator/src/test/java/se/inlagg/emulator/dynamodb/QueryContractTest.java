package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.emulator.dynamodb.Contract.item;
import static se.inlagg.emulator.dynamodb.Contract.n;
import static se.inlagg.emulator.dynamodb.Contract.s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan: key conditions, sparse indexes, paging, Limit before the filter, COUNT and the refusals. */
class QueryContractTest {

    private static final String[] TITLES = {"Årsmöte", "Ägget", "Öl på fredag", "Vårstädning", "Kräftskiva", "Lucia", "Midsommar",
        "Sommarlov", "Höstmys", "Julbord"};

    private final DynamoDbClient db = Contract.client();
    private String table;

    @BeforeEach
    void createTable() {
        table = Contract.createPostsTable(db, null);
    }

    /** Ten published posts in the feed (GSI1) by day, every third one also a draft in GSI2, plus a body item per post. */
    private void seedPosts() {
        for (int i = 0; i < 10; i++) {
            String id = "p" + i;
            String day = String.format("2025-03-%02dT10:00:00Z", i + 1);
            Map<String, AttributeValue> post = item("PK", s("POST#" + id), "SK", s("POST"), "title", s(TITLES[i]),
                    "status", s(i % 2 == 0 ? "published" : "hidden"), "body", s("text " + i),
                    "GSI1PK", s("FEED"), "GSI1SK", s(day + "#" + id));
            if (i % 3 == 0) {
                post.put("GSI2PK", s("DRAFTS#anna"));
                post.put("GSI2SK", s(day));
            }
            db.putItem(b -> b.tableName(table).item(post));
            db.putItem(b -> b.tableName(table).item(item("PK", s("POST#" + id), "SK", s("BODY"), "body", s("lång text"))));
        }
    }

    private QueryRequest.Builder feed() {
        return QueryRequest.builder().tableName(table).indexName("GSI1")
                .keyConditionExpression("GSI1PK = :feed AND GSI1SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":feed", s("FEED"), ":from", s("2025-03-03"), ":to", s("2025-03-08~")));
    }

    private static List<String> titles(QueryResponse r) {
        return r.items().stream().map(i -> i.get("title").s()).toList();
    }

    @Test
    void aTableQueryReadsOnePartitionInSortKeyOrder() {
        seedPosts();
        var r = db.query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s("POST#p4"))));
        assertEquals(List.of("BODY", "POST"), r.items().stream().map(i -> i.get("SK").s()).toList());
        var between = db.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND SK BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":pk", s("POST#p4"), ":a", s("BODY"), ":b", s("BODZ"))));
        assertEquals(1, between.count());
        var prefix = db.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                .expressionAttributeValues(Map.of(":pk", s("POST#p4"), ":p", s("PO"))));
        assertEquals("POST", prefix.items().getFirst().get("SK").s());
    }

    @Test
    void aGsiQueryWithBetweenReturnsTheRangeNewestFirst() {
        seedPosts();
        var r = db.query(feed().scanIndexForward(false).build());
        assertEquals(List.of("Sommarlov", "Midsommar", "Lucia", "Kräftskiva", "Vårstädning", "Öl på fredag"), titles(r));
    }

    @Test
    void aGsiAnswersOnlyItsProjectedAttributes() {
        seedPosts();
        var first = db.query(feed().limit(1).build()).items().getFirst();
        assertEquals(Set.of("PK", "SK", "GSI1PK", "GSI1SK", "title", "status"), first.keySet());
        var draft = db.query(b -> b.tableName(table).indexName("GSI2").keyConditionExpression("GSI2PK = :d")
                .expressionAttributeValues(Map.of(":d", s("DRAFTS#anna")))).items().getFirst();
        assertEquals(Set.of("PK", "SK", "GSI2PK", "GSI2SK"), draft.keySet(), "KEYS_ONLY");
    }

    @Test
    void aSparseIndexHoldsOnlyItemsWithItsKeys() {
        seedPosts();
        var drafts = db.query(b -> b.tableName(table).indexName("GSI2").keyConditionExpression("GSI2PK = :d")
                .expressionAttributeValues(Map.of(":d", s("DRAFTS#anna"))));
        assertEquals(List.of("POST#p0", "POST#p3", "POST#p6", "POST#p9"), drafts.items().stream().map(i -> i.get("PK").s()).toList());
        // Removing the index key takes the item out of the index.
        db.updateItem(b -> b.tableName(table).key(Contract.key("POST#p3", "POST")).updateExpression("REMOVE GSI2PK, GSI2SK"));
        var after = db.query(b -> b.tableName(table).indexName("GSI2").keyConditionExpression("GSI2PK = :d")
                .expressionAttributeValues(Map.of(":d", s("DRAFTS#anna"))));
        assertEquals(3, after.count());
    }

    @Test
    void pagingAGsiQueryWithExclusiveStartKeyReturnsEachItemExactlyOnce() {
        seedPosts();
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            QueryRequest.Builder q = feed().scanIndexForward(false).limit(4);
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse page = db.query(q.build());
            seen.addAll(titles(page));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertEquals(Set.of("PK", "SK", "GSI1PK", "GSI1SK"), start.keySet(), "an index's LastEvaluatedKey has the index's and the table's keys");
            }
            pages++;
        } while (start != null && pages < 10);
        assertEquals(List.of("Sommarlov", "Midsommar", "Lucia", "Kräftskiva", "Vårstädning", "Öl på fredag"), seen);
    }

    @Test
    @SkipOnLocalStack("moto answers InternalError (500) to an index start key without the index's sort key")
    void anIndexStartKeyWithoutTheIndexSortKeyIsRefused() {
        // A page cursor handed back by a client may be cut short: DynamoDB answers 400 "The provided starting key is
        // invalid", and so must the emulator, not a server error.
        seedPosts();
        var e = assertThrows(DynamoDbException.class, () -> db.query(feed().exclusiveStartKey(
                Map.of("PK", s("POST#p4"), "SK", s("POST"), "GSI1PK", s("FEED"))).build()));
        assertEquals(400, e.statusCode());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void limitCountsItemsReadBeforeTheFilter() {
        seedPosts();
        var r = db.query(feed().limit(4).filterExpression("#s = :p")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":feed", s("FEED"), ":from", s("2025-03-03"), ":to", s("2025-03-08~"), ":p", s("published")))
                .build());
        assertEquals(4, r.scannedCount());
        assertEquals(2, r.count());
        assertEquals(List.of("Öl på fredag", "Kräftskiva"), titles(r));
        assertTrue(r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty());
    }

    @Test
    void aQueryThatStopsAtItsLimitAnswersALastEvaluatedKeyEvenWhenNothingFollows() {
        seedPosts();
        var r = db.query(feed().limit(6).build());
        assertEquals(6, r.count());
        assertFalse(r.lastEvaluatedKey().isEmpty());
        var next = db.query(feed().limit(6).exclusiveStartKey(r.lastEvaluatedKey()).build());
        assertEquals(0, next.count());
        assertTrue(next.lastEvaluatedKey().isEmpty());
    }

    @Test
    void selectCountAnswersCountsWithoutItems() {
        seedPosts();
        var r = db.query(feed().select(Select.COUNT).build());
        assertEquals(6, r.count());
        assertFalse(r.hasItems() && !r.items().isEmpty());
    }

    @Test
    void aConsistentReadOnAGlobalIndexIsRefused() {
        var e = assertThrows(DynamoDbException.class, () -> db.query(feed().consistentRead(true).build()));
        assertEquals("Consistent reads are not supported on global secondary indexes", e.awsErrorDetails().errorMessage());
    }

    @Test
    @SkipOnLocalStack("moto answers nothing instead of refusing a BETWEEN whose lower bound is above its upper bound")
    void aBetweenWhoseBoundsCrossIsRefused() {
        var e = assertThrows(DynamoDbException.class, () -> db.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("GSI1PK = :feed AND GSI1SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":feed", s("FEED"), ":from", s("2025-04"), ":to", s("2025-03")))));
        assertTrue(e.awsErrorDetails().errorMessage().startsWith(
                "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound"),
                e.getMessage());
    }

    @Test
    void aBetweenWithEqualBoundsReadsTheOneValue() {
        // "greater than or equal to": equal bounds are allowed and read the items at exactly that key.
        seedPosts();
        var r = db.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("GSI1PK = :feed AND GSI1SK BETWEEN :day AND :day")
                .expressionAttributeValues(Map.of(":feed", s("FEED"), ":day", s("2025-03-05T10:00:00Z#p4"))));
        assertEquals(List.of("Kräftskiva"), titles(r));
    }

    @Test
    void aKeyConditionWithoutThePartitionKeyIsRefused() {
        var e = assertThrows(DynamoDbException.class, () -> db.query(b -> b.tableName(table)
                .keyConditionExpression("SK = :sk").expressionAttributeValues(Map.of(":sk", s("POST")))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void aPartitionKeyComparedWithAnythingButEqualsIsRefused() {
        // Query reference: the partition key condition must be an equality; a range on it would read many partitions.
        seedPosts();
        var e = assertThrows(DynamoDbException.class, () -> db.query(b -> b.tableName(table)
                .keyConditionExpression("PK > :pk").expressionAttributeValues(Map.of(":pk", s("POST#p4")))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    @SkipOnLocalStack("moto answers ResourceNotFoundException for an unknown index; DynamoDB a ValidationException")
    void anUnknownIndexIsRefused() {
        var e = assertThrows(DynamoDbException.class, () -> db.query(b -> b.tableName(table).indexName("GSI9")
                .keyConditionExpression("GSI1PK = :f").expressionAttributeValues(Map.of(":f", s("FEED")))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void aScanPagesThroughEveryItemWithAFilter() {
        seedPosts();
        Set<String> keys = new HashSet<>();
        Map<String, AttributeValue> start = null;
        int scanned = 0;
        do {
            var b = ScanRequest.builder().tableName(table).limit(7);
            if (start != null) {
                b.exclusiveStartKey(start);
            }
            var page = db.scan(b.build());
            scanned += page.scannedCount();
            page.items().forEach(i -> assertTrue(keys.add(i.get("PK").s() + "/" + i.get("SK").s())));
            start = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (start != null);
        assertEquals(20, keys.size());
        assertEquals(20, scanned);
        var filtered = db.scan(b -> b.tableName(table).filterExpression("attribute_exists(GSI2PK)"));
        assertEquals(4, filtered.count());
        assertEquals(20, filtered.scannedCount());
    }

    @Test
    void aQueryPageStopsAtOneMegabyteRead() {
        String big = "x".repeat(100_000);
        for (int i = 0; i < 15; i++) {
            int k = i;
            db.putItem(b -> b.tableName(table).item(item("PK", s("BIG"), "SK", s(String.format("%02d", k)), "blob", s(big))));
        }
        var first = db.query(b -> b.tableName(table).keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s("BIG"))));
        assertTrue(first.count() >= 9 && first.count() <= 11, "about 1 MB of 100 KB items: " + first.count());
        assertFalse(first.lastEvaluatedKey().isEmpty());
        var rest = db.query(b -> b.tableName(table).keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s("BIG")))
                .exclusiveStartKey(first.lastEvaluatedKey()));
        assertEquals(15, first.count() + rest.count());
    }

    @Test
    void numericSortKeysSortByValue() {
        String name = Contract.uniqueName("numbers");
        db.createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(Contract.attribute("id"), AttributeDefinition.builder()
                        .attributeName("n").attributeType("N").build())
                .keySchema(Contract.hash("id"), Contract.range("n")));
        for (String v : List.of("10", "9", "-1.5", "100", "0.25")) {
            db.putItem(b -> b.tableName(name).item(item("id", s("a"), "n", n(v))));
        }
        var r = db.query(b -> b.tableName(name).keyConditionExpression("id = :a AND n > :zero")
                .expressionAttributeValues(Map.of(":a", s("a"), ":zero", n("0"))));
        assertEquals(List.of("0.25", "9", "10", "100"), r.items().stream().map(i -> i.get("n").n()).toList());
    }

    @Test
    void sortKeyComparatorsIncludeTheirBoundOnlyWithAnEqualsSign() {
        // Query reference (KeyConditionExpression): < and > leave the value itself out, <= and >= take it in; a bound taken
        // the wrong way loses or repeats the item at the edge, e.g. when reading on with "newer than the last one seen".
        seedPosts();
        Map<String, String> expected = Map.of("<", "p2,p1,p0", "<=", "p3,p2,p1,p0", ">", "p9,p8,p7,p6,p5,p4", ">=", "p9,p8,p7,p6,p5,p4,p3");
        expected.forEach((op, ids) -> {
            var r = db.query(b -> b.tableName(table).indexName("GSI1").scanIndexForward(false)
                    .keyConditionExpression("GSI1PK = :feed AND GSI1SK " + op + " :edge")
                    .expressionAttributeValues(Map.of(":feed", s("FEED"), ":edge", s("2025-03-04T10:00:00Z#p3"))));
            assertEquals(ids, String.join(",", r.items().stream().map(i -> i.get("PK").s().substring("POST#".length())).toList()), op);
        });
    }

    @Test
    @SkipOnLocalStack("moto accepts a Query filter on a key attribute and filters in memory")
    void aQueryFilterOnAKeyAttributeIsRefused() {
        // DynamoDB's Query reference: a filter expression cannot contain partition or sort key attributes; they belong
        // in the key condition. An emulator that filters anyway lets a query pass locally that fails in production.
        seedPosts();
        var e = assertThrows(DynamoDbException.class, () -> db.query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                .filterExpression("SK = :sk").expressionAttributeValues(Map.of(":pk", s("POST#p4"), ":sk", s("POST")))));
        assertEquals("Filter Expression can only contain non-primary key attributes: Primary key attribute: SK",
                e.awsErrorDetails().errorMessage());
    }
}
