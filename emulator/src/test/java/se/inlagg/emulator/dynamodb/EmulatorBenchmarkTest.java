package se.inlagg.emulator.dynamodb;

import static se.inlagg.emulator.dynamodb.Contract.item;
import static se.inlagg.emulator.dynamodb.Contract.key;
import static se.inlagg.emulator.dynamodb.Contract.n;
import static se.inlagg.emulator.dynamodb.Contract.s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Figures, not assertions: load time of a durable data folder, and PutItem, TransactWriteItems and GSI
 * Query latency through the SDK, at 2,500 and 25,000 items (500 and 5,000 posts of five items each).
 * Run with {@code mvn verify -pl emulator -am -Dbenchmark.excluded=none -Dtest=EmulatorBenchmarkTest}.
 */
@Tag("benchmark")
class EmulatorBenchmarkTest {

    private static final String BODY = "Det var en gång ett kontor på Söder där alla drack kaffe. ".repeat(30);

    @TempDir
    Path dir;

    @Test
    void loadAndLatencyAt2500And25000Items() {
        measure(500, dir.resolve("small"));
        measure(5_000, dir.resolve("large"));
    }

    private void measure(int posts, Path data) {
        String table;
        long seedStart = System.nanoTime();
        try (EmbeddedDynamoDb emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(data));
             DynamoDbClient db = Contract.client(emulator.endpoint())) {
            table = Contract.createPostsTable(db, null);
            seed(db, table, posts);
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        int items = posts * 5;
        System.out.printf("[benchmark] %,d items: seeded through BatchWriteItem in %.1f s (%.0f items/s)%n", items, seedSeconds, items / seedSeconds);

        long t0 = System.nanoTime();
        EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(data)).close();
        System.out.printf("[benchmark] %,d items: start replaying the journal and compacting it: %.0f ms%n", items, (System.nanoTime() - t0) / 1e6);

        t0 = System.nanoTime();
        try (EmbeddedDynamoDb emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(data))) {
            System.out.printf("[benchmark] %,d items: start loading the snapshot: %.0f ms%n", items, (System.nanoTime() - t0) / 1e6);
            try (DynamoDbClient db = Contract.client(emulator.endpoint())) {
                latencies(db, table, items, posts);
            }
        }
        inProcessQuery(data, table, items);
    }

    /** The same GSI Query without HTTP and the SDK: what the emulator itself spends. */
    private static void inProcessQuery(Path data, String table, int items) {
        Database database = new Database(System::currentTimeMillis);
        try (Storage ignored = Storage.open(data, database)) {
            Dispatcher dispatcher = new Dispatcher(database);
            byte[] query = ("{\"TableName\":\"" + table + "\",\"IndexName\":\"GSI1\",\"ScanIndexForward\":false,\"Limit\":21,"
                    + "\"KeyConditionExpression\":\"GSI1PK = :f AND GSI1SK BETWEEN :a AND :z\",\"ExpressionAttributeValues\":"
                    + "{\":f\":{\"S\":\"FEED\"},\":a\":{\"S\":\"2025-01\"},\":z\":{\"S\":\"2025-12~\"}}}")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 2000; i++) {
                dispatcher.handle("DynamoDB_20120810.Query", query, null);
            }
            long[] nanos = new long[2000];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                dispatcher.handle("DynamoDB_20120810.Query", query, null);
                nanos[i] = System.nanoTime() - t;
            }
            System.out.printf("[benchmark] %,d items: the same GSI Query in process (JSON in and out, no HTTP, no SDK) median %.3f ms, p95 %.3f ms%n",
                    items, median(nanos), p95(nanos));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void seed(DynamoDbClient db, String table, int posts) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int p = 0; p < posts; p++) {
            for (Map<String, AttributeValue> item : postItems(p)) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (batch.size() == 25) {
                    List<WriteRequest> send = List.copyOf(batch);
                    db.batchWriteItem(b -> b.requestItems(Map.of(table, send)));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            db.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        }
    }

    /** One post as the app stores it: summary (in the feed index), body, slug claim and two tag entries. */
    private static List<Map<String, AttributeValue>> postItems(int p) {
        String id = String.format("p%05d", p);
        String published = String.format("2025-%02d-%02dT%02d:00:00Z#%s", 1 + p % 12, 1 + p % 28, p % 24, id);
        return List.of(
                item("PK", s("POST#" + id), "SK", s("POST"), "title", s("Inlägg nummer " + p + ": åäö"), "status", s("published"),
                        "version", n("1"), "GSI1PK", s("FEED"), "GSI1SK", s(published)),
                item("PK", s("POST#" + id), "SK", s("BODY"), "body", s(BODY)),
                item("PK", s("SLUG#inlagg-" + p), "SK", s("SLUG"), "postId", s(id)),
                item("PK", s("POST#" + id), "SK", s("TAG#fika"), "GSI1PK", s("TAG#fika"), "GSI1SK", s(published), "title", s("Inlägg " + p)),
                item("PK", s("POST#" + id), "SK", s("TAG#kontoret"), "GSI1PK", s("TAG#kontoret"), "GSI1SK", s(published), "title", s("Inlägg " + p)));
    }

    private static void latencies(DynamoDbClient db, String table, int items, int posts) {
        // Warm the path first: the figures are for a running server, not for class loading.
        for (int i = 0; i < 300; i++) {
            int k = i;
            db.putItem(b -> b.tableName(table).item(item("PK", s("WARM#" + k), "SK", s("W"))));
            db.query(b -> b.tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :f").scanIndexForward(false).limit(21)
                    .expressionAttributeValues(Map.of(":f", s("FEED"))));
        }
        long[] put = new long[300];
        for (int i = 0; i < put.length; i++) {
            int k = i;
            long t = System.nanoTime();
            db.putItem(b -> b.tableName(table).item(item("PK", s("POST#bench" + k), "SK", s("POST"), "title", s("Mätning " + k),
                    "GSI1PK", s("FEED"), "GSI1SK", s("2026-01-01#" + k))));
            put[i] = System.nanoTime() - t;
        }
        long[] tx = new long[150];
        for (int i = 0; i < tx.length; i++) {
            List<TransactWriteItem> actions = new ArrayList<>();
            for (int a = 0; a < 8; a++) {
                actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(item("PK", s("POST#tx" + i), "SK", s("TAG#t" + a), "title", s("Transaktion " + i))).build()).build());
            }
            actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(item("PK", s("SLUG#tx" + i), "SK", s("SLUG"))).conditionExpression("attribute_not_exists(PK)").build()).build());
            actions.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("TAG#fika", "TAG"))
                    .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                    .expressionAttributeValues(Map.of(":one", n("1"))).build()).build());
            long t = System.nanoTime();
            db.transactWriteItems(b -> b.transactItems(actions));
            tx[i] = System.nanoTime() - t;
        }
        long[] query = new long[300];
        int found = 0;
        for (int i = 0; i < query.length; i++) {
            long t = System.nanoTime();
            found = db.query(b -> b.tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :f AND GSI1SK BETWEEN :a AND :z")
                    .scanIndexForward(false).limit(21)
                    .expressionAttributeValues(Map.of(":f", s("FEED"), ":a", s("2025-01"), ":z", s("2025-12~")))).count();
            query[i] = System.nanoTime() - t;
        }
        System.out.printf("[benchmark] %,d items: PutItem (journal forced) median %.2f ms, p95 %.2f ms%n", items, median(put), p95(put));
        System.out.printf("[benchmark] %,d items: TransactWriteItems of 10 actions median %.2f ms, p95 %.2f ms%n", items, median(tx), p95(tx));
        System.out.printf("[benchmark] %,d items: GSI Query of %d items (feed of %,d posts) median %.2f ms, p95 %.2f ms%n",
                items, found, posts, median(query), p95(query));
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double p95(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6;
    }
}
