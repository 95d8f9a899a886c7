package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.inlagg.emulator.dynamodb.Contract.item;
import static se.inlagg.emulator.dynamodb.Contract.key;
import static se.inlagg.emulator.dynamodb.Contract.s;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** ReturnConsumedCapacity: DynamoDB's unit arithmetic for item sizes, consistency, indexes and transactions. */
class CapacityContractTest {

    private final DynamoDbClient db = Contract.client();
    private String table;

    @BeforeEach
    void createTable() {
        table = Contract.createPostsTable(db, null);
    }

    /** An item of exactly {@code bytes} bytes by DynamoDB's rules: "PK"+"a" (3), "SK"+"b" (3), "body"+text. */
    private static Map<String, AttributeValue> itemOfSize(int bytes) {
        return item("PK", s("a"), "SK", s("b"), "body", s("x".repeat(bytes - 10)));
    }

    private double put(Map<String, AttributeValue> item, ReturnConsumedCapacity mode) {
        return db.putItem(b -> b.tableName(table).item(item).returnConsumedCapacity(mode)).consumedCapacity().capacityUnits();
    }

    @Test
    @SkipOnLocalStack("moto charges one unit for a write of any size")
    void aWriteCostsOneUnitPerKilobyteOfTheLargerOfOldAndNewItem() {
        assertEquals(1.0, put(itemOfSize(1024), ReturnConsumedCapacity.TOTAL));
        assertEquals(2.0, put(itemOfSize(1025), ReturnConsumedCapacity.TOTAL));
        // Replacing a 1025-byte item with a small one is charged for the larger, old item.
        assertEquals(2.0, put(itemOfSize(20), ReturnConsumedCapacity.TOTAL));
    }

    @Test
    @SkipOnLocalStack("moto charges 0.5 for every GetItem, whatever its size and consistency")
    void aStronglyConsistentReadCostsOneUnitPer4KilobytesAndAnEventualOneHalf() {
        db.putItem(b -> b.tableName(table).item(itemOfSize(5000)));
        double strong = db.getItem(b -> b.tableName(table).key(key("a", "b")).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        double eventual = db.getItem(b -> b.tableName(table).key(key("a", "b"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        assertEquals(2.0, strong);
        assertEquals(1.0, eventual);
    }

    @Test
    @SkipOnLocalStack("moto reports no per-index capacity for writes")
    void indexesShowTheWritesToEachGlobalIndex() {
        var c = db.putItem(b -> b.tableName(table).item(item("PK", s("POST#1"), "SK", s("POST"), "title", s("Fika"),
                "GSI1PK", s("FEED"), "GSI1SK", s("2025")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertEquals(2.0, c.capacityUnits());
        assertEquals(1.0, c.table().capacityUnits());
        assertEquals(1.0, c.globalSecondaryIndexes().get("GSI1").capacityUnits());
        assertEquals(null, c.globalSecondaryIndexes().get("GSI2"), "an item without GSI2's keys is not written there");
    }

    @Test
    @SkipOnLocalStack("moto answers no ConsumedCapacity for TransactWriteItems")
    void transactionalWritesCostDouble() {
        var r = db.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item("PK", s("T#1"), "SK", s("T"))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item("PK", s("T#2"), "SK", s("T"))).build()).build()));
        assertEquals(4.0, r.consumedCapacity().getFirst().capacityUnits());
    }

    @Test
    void transactionalReadsCostDouble() {
        db.putItem(b -> b.tableName(table).item(item("PK", s("T#1"), "SK", s("T"))));
        var r = db.transactGetItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                TransactGetItem.builder().get(Get.builder().tableName(table).key(key("T#1", "T")).build()).build()));
        assertEquals(2.0, r.consumedCapacity().getFirst().capacityUnits());
    }

    @Test
    @SkipOnLocalStack("moto does not halve the units of an eventually consistent Query")
    void anEventuallyConsistentQueryOfSmallItemsCostsHalfAUnit() {
        db.putItem(b -> b.tableName(table).item(item("PK", s("Q"), "SK", s("1"))));
        db.putItem(b -> b.tableName(table).item(item("PK", s("Q"), "SK", s("2"))));
        var c = db.query(b -> b.tableName(table).keyConditionExpression("PK = :q").expressionAttributeValues(Map.of(":q", s("Q")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertEquals(0.5, c.capacityUnits());
        assertEquals(table, c.tableName());
    }
}
