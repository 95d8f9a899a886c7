package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.emulator.dynamodb.Contract.item;
import static se.inlagg.emulator.dynamodb.Contract.key;
import static se.inlagg.emulator.dynamodb.Contract.s;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams: one record per changed item, in order, with the images the view type asks for. */
class StreamContractTest {

    private final DynamoDbClient db = Contract.client();
    private final DynamoDbStreamsClient streams = Contract.streams();

    private String streamArn(String table) {
        return db.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    private List<Record> records(String table, ShardIteratorType type, String sequence) {
        List<Record> all = new ArrayList<>();
        String it = Contract.shardIterator(db, streams, table, type, sequence);
        for (int i = 0; i < 5 && it != null; i++) {
            String current = it;
            var r = streams.getRecords(b -> b.shardIterator(current));
            all.addAll(r.records());
            it = r.records().isEmpty() ? null : r.nextShardIterator();
        }
        return all;
    }

    @Test
    void putsUpdatesAndDeletesBecomeInsertModifyAndRemoveRecords() {
        String table = Contract.createPostsTable(db, StreamViewType.NEW_AND_OLD_IMAGES);
        db.putItem(b -> b.tableName(table).item(item("PK", s("POST#1"), "SK", s("POST"), "title", s("Första utkastet"))));
        db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST")).updateExpression("SET title = :t")
                .expressionAttributeValues(Map.of(":t", s("Färdigt inlägg"))));
        db.deleteItem(b -> b.tableName(table).key(key("POST#1", "POST")));
        List<Record> records = records(table, ShardIteratorType.TRIM_HORIZON, null);
        assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE), records.stream().map(Record::eventName).toList());
        Record insert = records.get(0);
        assertEquals("aws:dynamodb", insert.eventSource());
        assertNotNull(insert.eventID());
        assertEquals(key("POST#1", "POST"), insert.dynamodb().keys());
        assertEquals("Första utkastet", insert.dynamodb().newImage().get("title").s());
        assertTrue(insert.dynamodb().oldImage().isEmpty());
        Record modify = records.get(1);
        assertEquals("Första utkastet", modify.dynamodb().oldImage().get("title").s());
        assertEquals("Färdigt inlägg", modify.dynamodb().newImage().get("title").s());
        Record remove = records.get(2);
        assertEquals("Färdigt inlägg", remove.dynamodb().oldImage().get("title").s());
        assertTrue(remove.dynamodb().newImage().isEmpty());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, remove.dynamodb().streamViewType());
        assertNotNull(insert.dynamodb().approximateCreationDateTime());
        assertTrue(insert.dynamodb().sizeBytes() > 0);
        BigInteger previous = BigInteger.valueOf(-1);
        for (Record r : records) {
            BigInteger sequence = new BigInteger(r.dynamodb().sequenceNumber());
            assertTrue(sequence.compareTo(previous) > 0, "sequence numbers increase");
            assertTrue(r.dynamodb().sequenceNumber().length() >= 21);
            previous = sequence;
        }
    }

    @Test
    @SkipOnLocalStack("moto writes eventVersion 1.0; DynamoDB Streams writes 1.1")
    void streamRecordsCarryEventVersion11() {
        String table = Contract.createPostsTable(db, StreamViewType.KEYS_ONLY);
        db.putItem(b -> b.tableName(table).item(item("PK", s("POST#1"), "SK", s("POST"))));
        assertEquals("1.1", records(table, ShardIteratorType.TRIM_HORIZON, null).getFirst().eventVersion());
    }

    @Test
    void aTransactionOfFiveItemsGivesFiveRecordsInOrder() {
        String table = Contract.createPostsTable(db, StreamViewType.KEYS_ONLY);
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item("PK", s("POST#" + i), "SK", s("POST"))).build()).build());
        }
        db.transactWriteItems(b -> b.transactItems(items));
        List<Record> records = records(table, ShardIteratorType.TRIM_HORIZON, null);
        assertEquals(List.of("POST#0", "POST#1", "POST#2", "POST#3", "POST#4"), records.stream().map(r -> r.dynamodb().keys().get("PK").s()).toList());
        assertTrue(records.getFirst().dynamodb().newImage().isEmpty(), "KEYS_ONLY carries no images");
    }

    @Test
    @SkipOnLocalStack("moto writes a MODIFY record for a put or update that changes nothing")
    void aPutOrUpdateThatChangesNothingGivesNoRecord() {
        String table = Contract.createPostsTable(db, StreamViewType.NEW_IMAGE);
        var post = item("PK", s("POST#1"), "SK", s("POST"), "title", s("Oförändrat"));
        db.putItem(b -> b.tableName(table).item(post));
        db.putItem(b -> b.tableName(table).item(post));
        db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST")).updateExpression("SET title = :t")
                .expressionAttributeValues(Map.of(":t", s("Oförändrat"))));
        db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST")).updateExpression("SET title = :t")
                .expressionAttributeValues(Map.of(":t", s("Ändrat"))));
        List<Record> records = records(table, ShardIteratorType.TRIM_HORIZON, null);
        assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY), records.stream().map(Record::eventName).toList());
        assertEquals("Ändrat", records.get(1).dynamodb().newImage().get("title").s());
    }

    @Test
    void iteratorsStartAtAfterOrAtASequenceNumber() {
        String table = Contract.createPostsTable(db, StreamViewType.NEW_IMAGE);
        for (int i = 0; i < 3; i++) {
            int k = i;
            db.putItem(b -> b.tableName(table).item(item("PK", s("POST#" + k), "SK", s("POST"))));
        }
        List<Record> all = records(table, ShardIteratorType.TRIM_HORIZON, null);
        String second = all.get(1).dynamodb().sequenceNumber();
        assertEquals(List.of("POST#1", "POST#2"), records(table, ShardIteratorType.AT_SEQUENCE_NUMBER, second).stream()
                .map(r -> r.dynamodb().keys().get("PK").s()).toList());
        assertEquals(List.of("POST#2"), records(table, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second).stream()
                .map(r -> r.dynamodb().keys().get("PK").s()).toList());
        String latest = Contract.shardIterator(db, streams, table, ShardIteratorType.LATEST, null);
        db.putItem(b -> b.tableName(table).item(item("PK", s("POST#3"), "SK", s("POST"))));
        var after = streams.getRecords(b -> b.shardIterator(latest)).records();
        assertEquals(List.of("POST#3"), after.stream().map(r -> r.dynamodb().keys().get("PK").s()).toList());
    }

    @Test
    void getRecordsHonoursItsLimitAndHandsOnTheRest() {
        String table = Contract.createPostsTable(db, StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 5; i++) {
            int k = i;
            db.putItem(b -> b.tableName(table).item(item("PK", s("POST#" + k), "SK", s("POST"))));
        }
        String it = Contract.shardIterator(db, streams, table, ShardIteratorType.TRIM_HORIZON, null);
        var first = streams.getRecords(b -> b.shardIterator(it).limit(2));
        assertEquals(2, first.records().size());
        var rest = streams.getRecords(b -> b.shardIterator(first.nextShardIterator()).limit(10));
        assertEquals(3, rest.records().size());
    }

    @Test
    void listAndDescribeStreamNameTheTableAndItsShard() {
        String table = Contract.createPostsTable(db, StreamViewType.NEW_IMAGE);
        String arn = streamArn(table);
        var listed = streams.listStreams(b -> b.tableName(table)).streams();
        assertEquals(1, listed.size());
        assertEquals(arn, listed.getFirst().streamArn());
        var d = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        assertEquals(table, d.tableName());
        assertEquals(StreamViewType.NEW_IMAGE, d.streamViewType());
        assertEquals(1, d.shards().size());
        assertNotNull(d.shards().getFirst().sequenceNumberRange().startingSequenceNumber());
        assertNull(d.shards().getFirst().sequenceNumberRange().endingSequenceNumber());
        assertFalse(d.keySchema().isEmpty());
    }
}
