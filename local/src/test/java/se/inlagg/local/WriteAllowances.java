package se.inlagg.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.posts.PostDraft;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the tests of an author's write allowance write, and how they read what it took. */
final class WriteAllowances {

    static final String AUTHOR = "9b0f3c2e-1d4a-4e5b-8c6d-7e8f9a0b1c2d";

    private WriteAllowances() {
    }

    /** Some 45 KB of words, each {@code n} its own. */
    static String words(int n) {
        return ("Protokoll " + n + ": åtgärder för kontoren i Östersund och Malmö. ").repeat(800);
    }

    static PostDraft draft(String title, String body) {
        return new PostDraft(Optional.of(title), Optional.of(body), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(),
                List.of("Protokoll"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("published"));
    }

    /** The units the author's writes took in the clock hour of {@code at}, as the table holds them; 0 when none. */
    static long used(DynamoDbClient raw, String table, String authorId, Instant at) {
        var item = raw.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS("RATE#writes#" + authorId),
                "SK", AttributeValue.fromS("HOUR#" + at.getEpochSecond() / 3600)))).item();
        return item.containsKey("used") ? Long.parseLong(item.get("used").n()) : 0;
    }

    /** Sets what the author's writes took in the clock hour of {@code at}, as if they had. */
    static void setUsed(DynamoDbClient raw, String table, String authorId, Instant at, long units) {
        raw.putItem(r -> r.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS("RATE#writes#" + authorId),
                "SK", AttributeValue.fromS("HOUR#" + at.getEpochSecond() / 3600),
                "used", AttributeValue.fromN(Long.toString(units)))));
    }
}
