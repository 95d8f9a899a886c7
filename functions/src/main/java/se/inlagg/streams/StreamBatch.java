package se.inlagg.streams;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.json.Json;

/**
 * A batch of DynamoDB Streams records as Lambda delivers it (the DynamodbEvent JSON), read once at
 * the edge into what the indexer needs: which posts changed, and when the oldest change was made.
 * As with HTTP events, no aws-lambda-java-events class is bound: reading the JSON ourselves is cheaper.
 */
record StreamBatch(List<Change> changes) {

    /** One record: the item's partition and sort key, and when DynamoDB wrote it (to the second). */
    record Change(String partitionKey, String sortKey, Optional<Instant> madeAt) {
    }

    private static final String POST_PREFIX = "POST#";

    StreamBatch {
        changes = List.copyOf(changes);
    }

    static StreamBatch read(InputStream in) {
        return of(Json.read(in));
    }

    static StreamBatch of(Object read) {
        if (!(read instanceof Map<?, ?> event) || !(event.get("Records") instanceof List<?> records)) {
            throw new IllegalArgumentException("the event is not a DynamoDB Streams batch: is this function's source a table stream?");
        }
        List<Change> changes = new ArrayList<>();
        for (Object r : records) {
            Map<?, ?> dynamodb = map(map(r).get("dynamodb"));
            Map<?, ?> keys = map(dynamodb.get("Keys"));
            Optional<Instant> madeAt = dynamodb.get("ApproximateCreationDateTime") instanceof Number n
                    ? Optional.of(Instant.ofEpochMilli(Math.round(n.doubleValue() * 1000))) : Optional.empty();
            changes.add(new Change(string(keys.get("PK")), string(keys.get("SK")), madeAt));
        }
        return new StreamBatch(changes);
    }

    /**
     * The posts whose items changed. The template's filter lets only post items through; a record of
     * anything else (a filter left off by a test or a tool) is passed over, never read as a post.
     */
    Set<String> postIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Change c : changes) {
            if (c.partitionKey().startsWith(POST_PREFIX) && c.partitionKey().length() > POST_PREFIX.length()) {
                ids.add(c.partitionKey().substring(POST_PREFIX.length()));
            }
        }
        return ids;
    }

    Optional<Instant> oldest() {
        return changes.stream().flatMap(c -> c.madeAt().stream()).min(Instant::compareTo);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    /** A key attribute in DynamoDB's JSON: {"S": "POST#…"}. */
    private static String string(Object attribute) {
        return map(attribute).get("S") instanceof String s ? s : "";
    }
}
