package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.emulator.dynamodb.Contract.item;
import static se.inlagg.emulator.dynamodb.Contract.s;

import org.junit.jupiter.api.Test;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable and the TTL settings. */
class TableContractTest {

    private final DynamoDbClient db = Contract.client();

    @Test
    void aNewTableIsActiveWithItsIndexesAndStream() {
        String name = Contract.createPostsTable(db, StreamViewType.NEW_AND_OLD_IMAGES);
        var t = db.describeTable(b -> b.tableName(name)).table();
        assertEquals(TableStatus.ACTIVE, t.tableStatus());
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertEquals(2, t.globalSecondaryIndexes().size());
        t.globalSecondaryIndexes().forEach(i -> assertEquals(IndexStatus.ACTIVE, i.indexStatus()));
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, t.streamSpecification().streamViewType());
        assertNotNull(t.latestStreamArn());
        assertTrue(t.latestStreamArn().contains(":table/" + name + "/stream/"), t.latestStreamArn());
    }

    @Test
    void describeTableCountsItems() {
        String name = Contract.createPostsTable(db, null);
        db.putItem(b -> b.tableName(name).item(item("PK", s("a"), "SK", s("b"))));
        db.putItem(b -> b.tableName(name).item(item("PK", s("a"), "SK", s("c"))));
        assertEquals(2, db.describeTable(b -> b.tableName(name)).table().itemCount());
    }

    @Test
    void creatingATableTwiceIsResourceInUse() {
        String name = Contract.createPostsTable(db, null);
        assertThrows(ResourceInUseException.class, () -> db.createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(Contract.attribute("PK")).keySchema(Contract.hash("PK"))));
    }

    @Test
    void listTablesNamesTheNewTable() {
        String name = Contract.createPostsTable(db, null);
        assertTrue(Contract.list(db.listTablesPaginator(b -> b.limit(100)).tableNames()).contains(name));
    }

    @Test
    void aDeletedTableIsGone() {
        String name = Contract.createPostsTable(db, null);
        db.deleteTable(b -> b.tableName(name));
        assertThrows(ResourceNotFoundException.class, () -> db.describeTable(b -> b.tableName(name)));
    }

    @Test
    void updateTableAddsAndRemovesAStream() {
        String name = Contract.createPostsTable(db, null);
        assertNull(db.describeTable(b -> b.tableName(name)).table().latestStreamArn());
        var on = db.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        assertNotNull(on.tableDescription().latestStreamArn());
        db.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(false)));
        var off = db.describeTable(b -> b.tableName(name)).table();
        assertTrue(off.streamSpecification() == null || !Boolean.TRUE.equals(off.streamSpecification().streamEnabled()));
    }

    @Test
    void timeToLiveIsStoredAndDescribed() {
        String name = Contract.createPostsTable(db, null);
        assertEquals(TimeToLiveStatus.DISABLED, db.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().timeToLiveStatus());
        db.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
        var d = db.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, d.timeToLiveStatus());
        assertEquals("expiresAt", d.attributeName());
    }

    @Test
    void expiredItemsStayUntilTheAppDeletesThem() {
        String name = Contract.createPostsTable(db, null);
        db.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
        db.putItem(b -> b.tableName(name).item(item("PK", s("IDEM#1"), "SK", s("IDEM"), "expiresAt", Contract.n("1"))));
        assertTrue(db.getItem(b -> b.tableName(name).key(Contract.key("IDEM#1", "IDEM"))).hasItem());
    }

    @Test
    @SkipOnLocalStack("moto supports local secondary indexes; refusing them is this emulator's own limit")
    void localSecondaryIndexesAreRefusedClearly() {
        var e = assertThrows(DynamoDbException.class, () -> db.createTable(b -> b.tableName(Contract.uniqueName("lsi"))
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(Contract.attribute("PK"), Contract.attribute("SK"), Contract.attribute("other"))
                .keySchema(Contract.hash("PK"), Contract.range("SK"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("LSI1").keySchema(Contract.hash("PK"), Contract.range("other"))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())));
        assertTrue(e.awsErrorDetails().errorMessage().contains("LocalSecondaryIndexes"), e.getMessage());
    }

    @Test
    void attributeDefinitionsMustMatchTheKeys() {
        var e = assertThrows(DynamoDbException.class, () -> db.createTable(b -> b.tableName(Contract.uniqueName("bad"))
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(Contract.attribute("PK"), Contract.attribute("unused"))
                .keySchema(Contract.hash("PK"))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }
}
