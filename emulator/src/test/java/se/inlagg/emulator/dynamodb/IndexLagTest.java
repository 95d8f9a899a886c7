package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.inlagg.emulator.dynamodb.Contract.item;
import static se.inlagg.emulator.dynamodb.Contract.key;
import static se.inlagg.emulator.dynamodb.Contract.s;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The test aid EmbeddedDynamoDb offers, {@link EmbeddedDynamoDb#holdIndexes}: indexes that lag behind their
 * table as DynamoDB's may, while the table itself is read as ever. Emulator only (LocalStack has no such switch).
 */
class IndexLagTest {

    private EmbeddedDynamoDb emulator;
    private DynamoDbClient db;
    private String table;

    @BeforeEach
    void start() {
        emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.inMemory());
        db = Contract.client(emulator.endpoint());
        table = Contract.createPostsTable(db, null);
    }

    @AfterEach
    void stop() {
        db.close();
        emulator.close();
    }

    private void put(String id, String title, String day) {
        db.putItem(b -> b.tableName(table).item(item("PK", s("POST#" + id), "SK", s("POST"), "title", s(title),
                "GSI1PK", s("FEED"), "GSI1SK", s(day + "#" + id))));
    }

    private List<String> feed() {
        return db.query(b -> b.tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :f")
                .expressionAttributeValues(Map.of(":f", s("FEED"))).scanIndexForward(false))
                .items().stream().map(i -> i.get("title").s()).toList();
    }

    private String title(String id) {
        return db.getItem(b -> b.tableName(table).key(key("POST#" + id, "POST")).consistentRead(true)).item().get("title").s();
    }

    @Test
    void whileHeldAnIndexAnswersAsItWasAndTheTableAsItIs() {
        put("a", "Årsmöte", "2025-03-01");
        try (var lag = emulator.holdIndexes()) {
            put("b", "Kräftskiva", "2025-03-02");
            put("a", "Årsmöte, ny tid", "2025-03-03");
            db.deleteItem(b -> b.tableName(table).key(key("POST#a", "POST")));
            put("a", "Årsmöte igen", "2025-03-04");
            assertEquals(List.of("Årsmöte"), feed());
            assertEquals("Årsmöte igen", title("a"));
            assertEquals(1L, db.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().stream()
                    .filter(i -> i.indexName().equals("GSI1")).findFirst().orElseThrow().itemCount());
        }
        assertEquals(List.of("Årsmöte igen", "Kräftskiva"), feed());
        put("c", "Lucia", "2025-03-05");
        assertEquals(List.of("Lucia", "Årsmöte igen", "Kräftskiva"), feed(), "released: the index follows at once again");
    }

    @Test
    void aTableMadeWhileHeldLagsTooAndAHoldIsOneAtATime() {
        try (var lag = emulator.holdIndexes()) {
            assertThrows(IllegalStateException.class, emulator::holdIndexes);
            table = Contract.createPostsTable(db, null);
            put("a", "Årsmöte", "2025-03-01");
            assertEquals(List.of(), feed());
            lag.close();
            lag.close();
            assertEquals(List.of("Årsmöte"), feed());
        }
        try (var again = emulator.holdIndexes()) {
            put("b", "Kräftskiva", "2025-03-02");
            assertEquals(List.of("Årsmöte"), feed());
        }
        assertEquals(List.of("Kräftskiva", "Årsmöte"), feed());
    }
}
