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
import se.inlagg.posts.Image;

/**
 * A batch of DynamoDB Streams records as Lambda delivers it (the DynamodbEvent JSON), read once at
 * the edge into what the indexer needs: which posts changed, when the oldest change was made, and which uploaded
 * pictures the changes left behind.
 * As with HTTP events, no aws-lambda-java-events class is bound: reading the JSON ourselves is cheaper.
 */
record StreamBatch(List<Change> changes) {

    /**
     * One record: the item's partition and sort key, when DynamoDB wrote it (to the second), and the name of the uploaded
     * picture the item showed before it and after it, where it showed one.
     */
    record Change(String partitionKey, String sortKey, Optional<Instant> madeAt, Optional<String> pictureBefore,
                  Optional<String> pictureAfter) {
    }

    /** An uploaded picture a change of this post left behind: its file is to go unless the post shows it again. */
    record PictureLeft(String postId, String name) {
    }

    private static final String POST_PREFIX = "POST#";
    private static final String POST_SK = "POST";
    /** The post item's attribute of its picture's address (store.PostItems' IMAGE_URL, which streams may not name). */
    private static final String IMAGE_URL = "imageUrl";

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
            changes.add(new Change(string(keys.get("PK")), string(keys.get("SK")), madeAt, picture(dynamodb.get("OldImage")),
                    picture(dynamodb.get("NewImage"))));
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
            postId(c).ifPresent(ids::add);
        }
        return ids;
    }

    /** The uploaded pictures the changes left behind: one a post item showed before a change and not after it. */
    Set<PictureLeft> picturesLeft() {
        Set<PictureLeft> left = new LinkedHashSet<>();
        for (Change c : changes) {
            if (c.sortKey().equals(POST_SK) && c.pictureBefore().isPresent() && !c.pictureBefore().equals(c.pictureAfter())) {
                postId(c).ifPresent(id -> left.add(new PictureLeft(id, c.pictureBefore().get())));
            }
        }
        return left;
    }

    private static Optional<String> postId(Change c) {
        return c.partitionKey().startsWith(POST_PREFIX) && c.partitionKey().length() > POST_PREFIX.length()
                ? Optional.of(c.partitionKey().substring(POST_PREFIX.length())) : Optional.empty();
    }

    /** The name of the site's own picture an item image ({"imageUrl": {"S": "/images/…"}}) shows; empty for none or one elsewhere. */
    private static Optional<String> picture(Object image) {
        return Image.storedNameOf(string(map(image).get(IMAGE_URL)));
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
