package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local server's reading of the table's stream, as Lambda's event source mapping reads it for the search indexer,
 * with the template's own settings: a batch the function keeps failing is halved until the record that fails stands
 * alone, and only that record goes to the failures file; every other record of the batch reaches the function, so
 * one bad record costs search no other post.
 */
class StreamPollerTest {

    /** A table of each test's own: on LocalStack every test of the run shares one DynamoDB. */
    final String table = "PostsTable-StreamPoller-" + UUID.randomUUID();

    @TempDir
    Path data;

    @Test
    void aBatchThatKeepsFailingIsHalvedUntilTheOneBadRecordIsKeptAsFailedAndEveryOtherIsDelivered() throws Exception {
        List<String> posts = IntStream.rangeClosed(1, 8).mapToObj(i -> "POST#" + UUID.randomUUID()).toList();
        String bad = posts.get(5);
        Template.StreamSource source = Template.read(Repo.template()).streamSources().getFirst();
        assertTrue(source.bisectOnError(), "the template halves a failing batch: " + source);
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        // The function fails a whole batch that holds the bad record, as the indexer fails a batch it cannot finish.
        LambdaFunction function = event -> {
            List<String> keys = new ArrayList<>();
            Http.json(event).path("Records").forEach(r -> keys.add(r.path("dynamodb").path("Keys").path("PK").path("S").asText()));
            if (keys.contains(bad)) {
                throw new IllegalStateException("kan inte indexera " + bad);
            }
            delivered.addAll(keys);
            return "{}";
        };
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(table);
            // Written before the poller starts, so its first read finds them all and hands them over as one batch.
            for (String post : posts) {
                raw.putItem(r -> r.tableName(table).item(Map.of("PK", AttributeValue.fromS(post), "SK", AttributeValue.fromS("POST"))));
            }
            String streamArn = raw.describeTable(r -> r.tableName(table)).table().latestStreamArn();
            Path failures = data.resolve("streams").resolve(source.functionId() + "-" + source.name() + "-failures.jsonl");
            try (var poller = new StreamPoller(source, function, dynamo.endpoint(), streamArn, data, () -> { }).start()) {
                Instant until = Instant.now().plus(Duration.ofSeconds(30));
                while ((delivered.size() < posts.size() - 1 || !Files.exists(failures)) && Instant.now().isBefore(until)) {
                    Thread.sleep(100);
                }
            }
            var others = new TreeSet<>(posts);
            others.remove(bad);
            assertEquals(List.copyOf(others), delivered.stream().sorted().toList(), "every record but the bad one reached the function, once");
            List<String> lines = Files.readAllLines(failures, StandardCharsets.UTF_8);
            assertEquals(1, lines.size(), String.join("\n", lines));
            JsonNode kept = Http.json(lines.getFirst()).path("Records");
            assertEquals(1, kept.size(), "the bad record alone: " + lines.getFirst());
            assertEquals(bad, kept.get(0).path("dynamodb").path("Keys").path("PK").path("S").asText());
        }
    }

    /**
     * A record whose function fails as often as the template's MaximumRetryAttempts allows (a first try and that many
     * retries, as Lambda counts them) and then succeeds is delivered, and nothing goes to the failures file: a brief
     * outage of what the indexer writes to costs search no post.
     */
    @Test
    void aRecordThatSucceedsOnItsLastRetryIsDeliveredAndNotKeptAsFailed() throws Exception {
        String post = "POST#" + UUID.randomUUID();
        Template.StreamSource source = Template.read(Repo.template()).streamSources().getFirst();
        int retries = source.maximumRetryAttempts();
        assertTrue(retries > 0 && retries < 10, "the template retries a few times: " + source);
        AtomicInteger calls = new AtomicInteger();
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        LambdaFunction function = event -> {
            if (calls.incrementAndGet() <= retries) {
                throw new IllegalStateException("indexet svarar inte, försök " + calls.get());
            }
            Http.json(event).path("Records").forEach(r -> delivered.add(r.path("dynamodb").path("Keys").path("PK").path("S").asText()));
            return "{}";
        };
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(table);
            raw.putItem(r -> r.tableName(table).item(Map.of("PK", AttributeValue.fromS(post), "SK", AttributeValue.fromS("POST"))));
            String streamArn = raw.describeTable(r -> r.tableName(table)).table().latestStreamArn();
            Path failures = data.resolve("streams").resolve(source.functionId() + "-" + source.name() + "-failures.jsonl");
            try (var poller = new StreamPoller(source, function, dynamo.endpoint(), streamArn, data, () -> { }).start()) {
                Instant until = Instant.now().plus(Duration.ofSeconds(30));
                while (delivered.isEmpty() && !Files.exists(failures) && Instant.now().isBefore(until)) {
                    Thread.sleep(100);
                }
            }
            assertEquals(List.of(post), delivered, "delivered on the try after " + retries + " failures");
            assertEquals(retries + 1, calls.get());
            assertFalse(Files.exists(failures), "nothing kept as failed");
        }
    }
}
