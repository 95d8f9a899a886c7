package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.emulator.dynamodb.Contract.item;
import static se.inlagg.emulator.dynamodb.Contract.key;
import static se.inlagg.emulator.dynamodb.Contract.n;
import static se.inlagg.emulator.dynamodb.Contract.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** TransactWriteItems, TransactGetItems, BatchWriteItem and BatchGetItem. */
class TransactionContractTest {

    private final DynamoDbClient db = Contract.client();
    private String table;

    @BeforeEach
    void createTable() {
        table = Contract.createPostsTable(db, null);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, boolean ifAbsent) {
        Put.Builder p = Put.builder().tableName(table).item(item);
        if (ifAbsent) {
            p.conditionExpression("attribute_not_exists(PK)");
        }
        return TransactWriteItem.builder().put(p.build()).build();
    }

    private boolean exists(String pk, String sk) {
        return db.getItem(b -> b.tableName(table).key(key(pk, sk)).consistentRead(true)).hasItem();
    }

    @Test
    void aTransactionAppliesAllItsWrites() {
        db.transactWriteItems(b -> b.transactItems(
                put(item("PK", s("SLUG#kraftskiva"), "SK", s("SLUG"), "postId", s("p1")), true),
                put(item("PK", s("POST#p1"), "SK", s("POST"), "title", s("Kräftskiva")), true),
                put(item("PK", s("POST#p1"), "SK", s("BODY"), "body", s("Välkomna!")), false)));
        assertTrue(exists("SLUG#kraftskiva", "SLUG") && exists("POST#p1", "POST") && exists("POST#p1", "BODY"));
    }

    @Test
    void aTransactionWithOneFailedConditionAppliesNothingAndGivesReasonsInOrder() {
        db.putItem(b -> b.tableName(table).item(item("PK", s("SLUG#lucia"), "SK", s("SLUG"), "postId", s("old"))));
        var e = assertThrows(TransactionCanceledException.class, () -> db.transactWriteItems(b -> b.transactItems(
                put(item("PK", s("POST#p2"), "SK", s("POST"), "title", s("Lucia")), true),
                TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(item("PK", s("SLUG#lucia"), "SK", s("SLUG"), "postId", s("p2")))
                        .conditionExpression("attribute_not_exists(PK)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build())));
        assertEquals(List.of("None", "ConditionalCheckFailed"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertEquals("old", e.cancellationReasons().get(1).item().get("postId").s());
        assertTrue(e.awsErrorDetails().errorMessage().contains("[None, ConditionalCheckFailed]"), e.getMessage());
        assertFalse(exists("POST#p2", "POST"), "nothing of a cancelled transaction is applied");
    }

    @Test
    void aTransactionOfOneActionWhoseConditionFailsIsCancelled() {
        // One write alone in a transaction is still all or nothing: its failed condition cancels it, never a silent success.
        db.putItem(b -> b.tableName(table).item(item("PK", s("SLUG#valborg"), "SK", s("SLUG"), "postId", s("old"))));
        var e = assertThrows(TransactionCanceledException.class, () -> db.transactWriteItems(b -> b.transactItems(
                put(item("PK", s("SLUG#valborg"), "SK", s("SLUG"), "postId", s("new")), true))));
        assertEquals(List.of("ConditionalCheckFailed"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertEquals("old", db.getItem(b -> b.tableName(table).key(key("SLUG#valborg", "SLUG")).consistentRead(true)).item().get("postId").s());
    }

    @Test
    void conditionChecksUpdatesAndDeletesTakePartInATransaction() {
        db.putItem(b -> b.tableName(table).item(item("PK", s("POST#p3"), "SK", s("POST"), "version", n("1"))));
        db.putItem(b -> b.tableName(table).item(item("PK", s("TAG#fika"), "SK", s("TAG"), "count", n("1"))));
        db.putItem(b -> b.tableName(table).item(item("PK", s("POST#p3"), "SK", s("TAG#fika"))));
        db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key("POST#p3", "POST"))
                        .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n("1"))).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("TAG#fika", "TAG"))
                        .updateExpression("ADD #c :d").expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(":d", n("-1"))).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key("POST#p3", "TAG#fika")).build()).build()));
        assertEquals("0", db.getItem(b -> b.tableName(table).key(key("TAG#fika", "TAG"))).item().get("count").n());
        assertFalse(exists("POST#p3", "TAG#fika"));
    }

    @Test
    void aFailedConditionCheckCancelsTheTransaction() {
        // A ConditionCheck is how a transaction says "only if this other item is as I read it" (the post's version
        // while its tag count moves): when it fails, nothing is written, and its reason carries no item unless asked for.
        db.putItem(b -> b.tableName(table).item(item("PK", s("POST#p9"), "SK", s("POST"), "version", n("2"))));
        db.putItem(b -> b.tableName(table).item(item("PK", s("TAG#glass"), "SK", s("TAG"), "count", n("1"))));
        var e = assertThrows(TransactionCanceledException.class, () -> db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key("POST#p9", "POST"))
                        .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n("1"))).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("TAG#glass", "TAG"))
                        .updateExpression("ADD #c :d").expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(":d", n("1"))).build()).build())));
        assertEquals(List.of("ConditionalCheckFailed", "None"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertFalse(e.cancellationReasons().getFirst().hasItem(), "ReturnValuesOnConditionCheckFailure was not asked for");
        assertEquals("1", db.getItem(b -> b.tableName(table).key(key("TAG#glass", "TAG")).consistentRead(true)).item().get("count").n());
    }

    @Test
    @SkipOnLocalStack("moto answers a plain ValidationException where DynamoDB cancels with a ValidationError reason")
    void anUpdateThatFailsOnTheItemsDataCancelsTheTransactionWithAValidationError() {
        db.putItem(b -> b.tableName(table).item(item("PK", s("POST#p7"), "SK", s("POST"), "title", s("Text, inte tal"))));
        var e = assertThrows(TransactionCanceledException.class, () -> db.transactWriteItems(b -> b.transactItems(
                put(item("PK", s("POST#p8"), "SK", s("POST")), false),
                TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("POST#p7", "POST"))
                        .updateExpression("ADD title :one").expressionAttributeValues(Map.of(":one", n("1"))).build()).build())));
        assertEquals(List.of("None", "ValidationError"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertFalse(exists("POST#p8", "POST"));
    }

    @Test
    void twoActionsOnOneItemAreRefused() {
        var e = assertThrows(DynamoDbException.class, () -> db.transactWriteItems(b -> b.transactItems(
                put(item("PK", s("POST#p4"), "SK", s("POST")), false),
                put(item("PK", s("POST#p4"), "SK", s("POST"), "title", s("Två gånger")), false))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals("Transaction request cannot include multiple operations on one item", e.awsErrorDetails().errorMessage());
    }

    @Test
    @SkipOnLocalStack("moto ignores ClientRequestToken and applies a repeated transaction again")
    void aRepeatedClientRequestTokenAnswersSuccessWithoutApplyingTwice() {
        db.putItem(b -> b.tableName(table).item(item("PK", s("TAG#glass"), "SK", s("TAG"), "count", n("0"))));
        String token = UUID.randomUUID().toString();
        TransactWriteItem increment = TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("TAG#glass", "TAG"))
                .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n("1"))).build()).build();
        db.transactWriteItems(b -> b.clientRequestToken(token).transactItems(increment));
        db.transactWriteItems(b -> b.clientRequestToken(token).transactItems(increment));
        assertEquals("1", db.getItem(b -> b.tableName(table).key(key("TAG#glass", "TAG"))).item().get("count").n());
    }

    @Test
    @SkipOnLocalStack("moto ignores ClientRequestToken, so it never answers IdempotentParameterMismatchException")
    void theSameTokenWithAnotherRequestIsAMismatch() {
        String token = UUID.randomUUID().toString();
        db.transactWriteItems(b -> b.clientRequestToken(token).transactItems(put(item("PK", s("POST#p5"), "SK", s("POST")), false)));
        assertThrows(IdempotentParameterMismatchException.class, () -> db.transactWriteItems(b -> b.clientRequestToken(token)
                .transactItems(put(item("PK", s("POST#p6"), "SK", s("POST")), false))));
        assertFalse(exists("POST#p6", "POST"));
    }

    @Test
    void concurrentTransactionsOnOneCounterLoseNoIncrement() throws Exception {
        db.putItem(b -> b.tableName(table).item(item("PK", s("TAG#kaffe"), "SK", s("TAG"), "count", n("0"))));
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int k = i;
                done.add(pool.submit(() -> db.transactWriteItems(b -> b.transactItems(
                        put(item("PK", s("POST#c" + k), "SK", s("POST")), true),
                        TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("TAG#kaffe", "TAG"))
                                .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                                .expressionAttributeValues(Map.of(":one", n("1"))).build()).build()))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertEquals("40", db.getItem(b -> b.tableName(table).key(key("TAG#kaffe", "TAG")).consistentRead(true)).item().get("count").n());
    }

    @Test
    void transactGetItemsAnswersInRequestOrder() {
        db.putItem(b -> b.tableName(table).item(item("PK", s("A"), "SK", s("1"), "title", s("Först"))));
        db.putItem(b -> b.tableName(table).item(item("PK", s("B"), "SK", s("1"), "title", s("Sist"))));
        var r = db.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(Get.builder().tableName(table).key(key("B", "1")).build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName(table).key(key("saknas", "1")).build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName(table).key(key("A", "1")).build()).build()));
        assertEquals("Sist", r.responses().get(0).item().get("title").s());
        assertFalse(r.responses().get(1).hasItem() && !r.responses().get(1).item().isEmpty());
        assertEquals("Först", r.responses().get(2).item().get("title").s());
    }

    @Test
    void batchWriteAndBatchGetHandleManyItems() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(item("PK", s("B#" + i), "SK", s("B"), "title", s("Nummer " + i))).build()).build());
        }
        var w = db.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        assertTrue(w.unprocessedItems().isEmpty());
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            keys.add(key("B#" + i, "B"));
        }
        keys.add(key("B#saknas", "B"));
        var g = db.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
        assertEquals(25, g.responses().get(table).size());
        assertTrue(g.unprocessedKeys().isEmpty());
    }

    @Test
    void aBatchGetNamingOneKeyTwiceIsRefused() {
        // BatchGetItem reference: "Provided list of item keys contains duplicates" is a ValidationException, so a caller
        // that does not drop repeated keys fails in production and must fail here too.
        db.putItem(b -> b.tableName(table).item(item("PK", s("B#1"), "SK", s("B"))));
        var e = assertThrows(DynamoDbException.class, () -> db.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(key("B#1", "B"), key("B#1", "B")).build()))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals("Provided list of item keys contains duplicates", e.awsErrorDetails().errorMessage());
    }

    @Test
    @SkipOnLocalStack("moto writes a BatchWriteItem that names one item twice")
    void aBatchWriteNamingOneItemTwiceIsRefusedAndWritesNothing() {
        // BatchWriteItem reference: two operations on one item in one request are a ValidationException.
        var e = assertThrows(DynamoDbException.class, () -> db.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(item("PK", s("B#2"), "SK", s("B"), "title", s("Ett"))).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(item("PK", s("B#2"), "SK", s("B"), "title", s("Två"))).build()).build())))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertFalse(exists("B#2", "B"));
    }

    @Test
    void aBatchGetAnswersOnlyTheProjectedAttributes() {
        db.putItem(b -> b.tableName(table).item(item("PK", s("B#3"), "SK", s("B"), "title", s("Kort"), "body", s("En lång text"))));
        var g = db.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(key("B#3", "B"))
                .projectionExpression("PK, title").build())));
        assertEquals(Map.of("PK", s("B#3"), "title", s("Kort")), g.responses().get(table).getFirst());
    }

    @Test
    @SkipOnLocalStack("moto accepts a BatchWriteItem of more than 25 writes")
    void aBatchWriteOfMoreThan25IsRefused() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("PK", s("B#" + i), "SK", s("B"))).build()).build());
        }
        var e = assertThrows(DynamoDbException.class, () -> db.batchWriteItem(b -> b.requestItems(Map.of(table, writes))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void aBatchGetOfMoreThan100KeysIsRefused() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(key("B#" + i, "B"));
        }
        var e = assertThrows(DynamoDbException.class, () -> db.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(keys).build()))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }
}
