package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.emulator.dynamodb.Contract.item;
import static se.inlagg.emulator.dynamodb.Contract.key;
import static se.inlagg.emulator.dynamodb.Contract.n;
import static se.inlagg.emulator.dynamodb.Contract.s;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The emulator's own promises (not part of the contract with AWS): restarts, crashes, the folder lock and iterator expiry. */
class DurabilityTest {

    @TempDir
    Path dir;

    private void session(Consumer<DynamoDbClient> work) {
        try (EmbeddedDynamoDb emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dir));
             DynamoDbClient db = Contract.client(emulator.endpoint())) {
            work.accept(db);
        }
    }

    private static String createTable(DynamoDbClient db, StreamViewType stream) {
        return Contract.createPostsTable(db, stream);
    }

    @Test
    void aWriteIsThereAfterARestart() {
        String[] table = new String[1];
        session(db -> {
            table[0] = createTable(db, null);
            db.putItem(b -> b.tableName(table[0]).item(item("PK", s("POST#1"), "SK", s("POST"), "title", s("Höstens planering"),
                    "GSI1PK", s("FEED"), "GSI1SK", s("2025-10-01"))));
            db.updateTimeToLive(b -> b.tableName(table[0]).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        });
        session(db -> {
            assertEquals("Höstens planering", db.getItem(b -> b.tableName(table[0]).key(key("POST#1", "POST"))).item().get("title").s());
            assertEquals(1, db.query(b -> b.tableName(table[0]).indexName("GSI1").keyConditionExpression("GSI1PK = :f")
                    .expressionAttributeValues(Map.of(":f", s("FEED")))).count(), "indexes are rebuilt");
            assertEquals(TimeToLiveStatus.ENABLED, db.describeTimeToLive(b -> b.tableName(table[0])).timeToLiveDescription().timeToLiveStatus());
        });
        session(db -> assertTrue(db.getItem(b -> b.tableName(table[0]).key(key("POST#1", "POST"))).hasItem(), "and after a second restart"));
    }

    @Test
    void aTornRecordAtTheEndOfTheJournalIsIgnored() throws IOException {
        String[] table = new String[1];
        session(db -> {
            table[0] = createTable(db, null);
            db.putItem(b -> b.tableName(table[0]).item(item("PK", s("POST#1"), "SK", s("POST"), "title", s("Sparat"))));
        });
        // A crash in the middle of an append: a length that promises more than is there.
        Path journal = dir.resolve("dynamodb/journal");
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.allocate(12).putInt(5000).putInt(42).putInt(7).flip());
        }
        session(db -> {
            assertEquals("Sparat", db.getItem(b -> b.tableName(table[0]).key(key("POST#1", "POST"))).item().get("title").s());
            db.putItem(b -> b.tableName(table[0]).item(item("PK", s("POST#2"), "SK", s("POST"), "title", s("Efter kraschen"))));
        });
        session(db -> assertEquals("Efter kraschen",
                db.getItem(b -> b.tableName(table[0]).key(key("POST#2", "POST"))).item().get("title").s()));
    }

    @Test
    void aRecordWithABadChecksumEndsTheReplay() throws IOException {
        String[] table = new String[1];
        session(db -> {
            table[0] = createTable(db, null);
            db.putItem(b -> b.tableName(table[0]).item(item("PK", s("POST#1"), "SK", s("POST"))));
        });
        session(db -> db.putItem(b -> b.tableName(table[0]).item(item("PK", s("POST#2"), "SK", s("POST")))));
        Path journal = dir.resolve("dynamodb/journal");
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length - 3] ^= 0x55;
        Files.write(journal, bytes);
        session(db -> {
            assertTrue(db.getItem(b -> b.tableName(table[0]).key(key("POST#1", "POST"))).hasItem());
            assertFalse(db.getItem(b -> b.tableName(table[0]).key(key("POST#2", "POST"))).hasItem(),
                    "a damaged last record was never acknowledged as whole, so it is dropped");
        });
    }

    /**
     * One damaged byte in the middle of the journal is no crash's torn end: the start must not cut off every acknowledged
     * write after it without a word. A crash tears only the last record.
     */
    @Test
    void aRecordDamagedInTheMiddleOfTheJournalStopsTheStartAndChangesNothing() throws IOException {
        String[] table = new String[1];
        session(db -> table[0] = createTable(db, null));
        session(db -> {
            for (int i = 1; i <= 5; i++) {
                int k = i;
                db.putItem(b -> b.tableName(table[0]).item(item("PK", s("POST#" + k), "SK", s("POST"), "title", s("Inlägg " + k))));
            }
        });
        Path journal = dir.resolve("dynamodb/journal");
        byte[] bytes = Files.readAllBytes(journal);
        bytes[20] ^= 0x55; // inside the first record's payload
        Files.write(journal, bytes);
        var e = assertThrows(RuntimeException.class, () -> EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dir)).close());
        String message = messages(e);
        assertTrue(message.contains("journal " + journal.toAbsolutePath()) && message.contains("is damaged at byte 0"), message);
        assertTrue(message.contains("truncate -s 0 '" + journal.toAbsolutePath() + "'"), "says how to keep what is before it: " + message);
        assertArrayEquals(bytes, Files.readAllBytes(journal), "nothing cut off");
        // The operator's choice, as the message gives it: the writes before the damage (none here) kept, those after it lost.
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        session(db -> assertFalse(db.getItem(b -> b.tableName(table[0]).key(key("POST#1", "POST"))).hasItem()));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    @Test
    void aSecondStartOnTheSameFolderFailsAtOnceSayingWhoHoldsIt() {
        try (EmbeddedDynamoDb first = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dir))) {
            var e = assertThrows(DataDirectoryInUseException.class, () -> EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dir)));
            String message = e.getMessage();
            assertFalse(message.contains("\n"), "one line");
            assertTrue(message.contains(dir.resolve("dynamodb").toAbsolutePath().toString()), message);
            assertTrue(message.contains("process " + ProcessHandle.current().pid()), message);
            assertTrue(message.contains("stop that process"), message);
            assertTrue(first.endpoint().getPort() > 0);
        }
        EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dir)).close();
    }

    @Test
    void theJournalIsCompactedIntoASnapshotAtStart() throws IOException {
        String[] table = new String[1];
        session(db -> {
            table[0] = createTable(db, null);
            for (int i = 0; i < 50; i++) {
                int k = i;
                db.putItem(b -> b.tableName(table[0]).item(item("PK", s("POST#" + k), "SK", s("POST"), "n", n(Integer.toString(k)))));
            }
            db.deleteItem(b -> b.tableName(table[0]).key(key("POST#7", "POST")));
        });
        assertTrue(Files.size(dir.resolve("dynamodb/journal")) > 0);
        session(db -> assertEquals(49, db.scan(b -> b.tableName(table[0])).count()));
        assertTrue(Files.exists(dir.resolve("dynamodb/snapshot")));
        assertEquals(0, Files.size(dir.resolve("dynamodb/journal")), "compacted at start");
        session(db -> {
            assertEquals(49, db.scan(b -> b.tableName(table[0])).count());
            assertFalse(db.getItem(b -> b.tableName(table[0]).key(key("POST#7", "POST"))).hasItem());
        });
    }

    @Test
    void aTableOfMoreThanOneSnapshotFrameKeepsEveryItem() {
        // A snapshot writes a table's items in frames of 1,000; 2,500 items fill two frames and part of a third, and every
        // one of them must be there after the start that loads the snapshot.
        String[] table = new String[1];
        session(db -> {
            table[0] = createTable(db, null);
            for (int batch = 0; batch < 100; batch++) {
                List<WriteRequest> writes = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    var post = item("PK", s("POST#" + (batch * 25 + i)), "SK", s("POST"));
                    writes.add(WriteRequest.builder().putRequest(p -> p.item(post)).build());
                }
                db.batchWriteItem(b -> b.requestItems(Map.of(table[0], writes)));
            }
        });
        session(db -> assertEquals(2500, db.scan(b -> b.tableName(table[0]).select(Select.COUNT)).count(), "compacted at this start"));
        session(db -> {
            assertEquals(2500, db.scan(b -> b.tableName(table[0]).select(Select.COUNT)).count(), "loaded from the snapshot");
            assertTrue(db.getItem(b -> b.tableName(table[0]).key(key("POST#0", "POST"))).hasItem());
        });
    }

    @Test
    void streamRecordsAreRebuiltAfterARestartAndTrimmedAfterACompaction() {
        String[] table = new String[1];
        String[] firstSequence = new String[1];
        session(db -> {
            table[0] = createTable(db, StreamViewType.NEW_AND_OLD_IMAGES);
            db.putItem(b -> b.tableName(table[0]).item(item("PK", s("POST#1"), "SK", s("POST"), "title", s("Före omstart"))));
            db.deleteItem(b -> b.tableName(table[0]).key(key("POST#1", "POST")));
        });
        try (EmbeddedDynamoDb emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dir));
             DynamoDbClient db = Contract.client(emulator.endpoint());
             DynamoDbStreamsClient streams = Contract.streams(emulator.endpoint())) {
            var records = read(db, streams, table[0], ShardIteratorType.TRIM_HORIZON, null);
            assertEquals(List.of("INSERT", "REMOVE"), records.stream().map(r -> r.eventNameAsString()).toList());
            assertEquals("Före omstart", records.get(1).dynamodb().oldImage().get("title").s());
            firstSequence[0] = records.getFirst().dynamodb().sequenceNumber();
            db.putItem(b -> b.tableName(table[0]).item(item("PK", s("POST#2"), "SK", s("POST"))));
        }
        // The restart before compacted the journal, so the records from before it are gone now.
        try (EmbeddedDynamoDb emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dir));
             DynamoDbClient db = Contract.client(emulator.endpoint());
             DynamoDbStreamsClient streams = Contract.streams(emulator.endpoint())) {
            assertThrows(TrimmedDataAccessException.class,
                    () -> read(db, streams, table[0], ShardIteratorType.AT_SEQUENCE_NUMBER, firstSequence[0]));
            var records = read(db, streams, table[0], ShardIteratorType.TRIM_HORIZON, null);
            assertEquals(List.of("POST#2"), records.stream().map(r -> r.dynamodb().keys().get("PK").s()).toList());
            assertTrue(records.getFirst().dynamodb().sequenceNumber().compareTo(firstSequence[0]) > 0);
        }
    }

    private static List<Record> read(DynamoDbClient db, DynamoDbStreamsClient streams,
                                                                                    String table, ShardIteratorType type, String sequence) {
        String it = Contract.shardIterator(db, streams, table, type, sequence);
        return streams.getRecords(b -> b.shardIterator(it)).records();
    }

    @Test
    void aClientRequestTokenIsRememberedAcrossARestart() {
        String[] table = new String[1];
        String token = UUID.randomUUID().toString();
        Consumer<DynamoDbClient> increment = db -> incrementTag(db, table[0], token);
        session(db -> {
            table[0] = createTable(db, null);
            increment.accept(db);
        });
        session(db -> {
            increment.accept(db);
            assertEquals("1", db.getItem(b -> b.tableName(table[0]).key(key("TAG#te", "TAG"))).item().get("count").n());
        });
    }

    /** Adds one to a tag's count in a transaction under a ClientRequestToken. */
    private static void incrementTag(DynamoDbClient db, String table, String token) {
        db.transactWriteItems(b -> b.clientRequestToken(token).transactItems(
                TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("TAG#te", "TAG"))
                        .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(":one", n("1"))).build()).build()));
    }

    @Test
    void aClientRequestTokenIsRememberedFromTheSnapshotAfterACompaction() {
        // The first restart compacts the journal, so the token lives on only in the snapshot: a client retrying its
        // transaction (same token) after a second restart must not have it applied twice.
        String[] table = new String[1];
        String token = UUID.randomUUID().toString();
        Consumer<DynamoDbClient> increment = db -> incrementTag(db, table[0], token);
        session(db -> {
            table[0] = createTable(db, null);
            increment.accept(db);
        });
        session(db -> assertEquals("1", db.getItem(b -> b.tableName(table[0]).key(key("TAG#te", "TAG"))).item().get("count").n()));
        session(db -> {
            increment.accept(db);
            assertEquals("1", db.getItem(b -> b.tableName(table[0]).key(key("TAG#te", "TAG"))).item().get("count").n());
        });
    }

    @Test
    void aShardIteratorExpiresAfterFifteenMinutes() {
        AtomicLong clock = new AtomicLong(1_750_000_000_000L);
        try (EmbeddedDynamoDb emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.inMemory(), clock::get);
             DynamoDbClient db = Contract.client(emulator.endpoint());
             DynamoDbStreamsClient streams = Contract.streams(emulator.endpoint())) {
            String table = createTable(db, StreamViewType.KEYS_ONLY);
            String it = Contract.shardIterator(db, streams, table, ShardIteratorType.TRIM_HORIZON, null);
            clock.addAndGet(16 * 60 * 1000);
            assertThrows(ExpiredIteratorException.class, () -> streams.getRecords(b -> b.shardIterator(it)));
        }
    }
}
