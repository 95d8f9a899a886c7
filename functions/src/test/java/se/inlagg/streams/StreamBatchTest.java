package se.inlagg.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.inlagg.json.Json;

/** What a batch of the table's records says the indexer is to do: the posts to index, the pictures left behind. */
class StreamBatchTest {

    static final String POST = "5ad2042c-f7f5-47ac-98da-d4ede0d324ab";
    static final String FIRST = "abcdefghijklmnopqrstuvwxyz.png";
    static final String SECOND = "zyxwvutsrqponmlkjihgfedcba.jpg";

    static Map<String, Object> record(String event, String sortKey, String before, String after) {
        var dynamodb = new LinkedHashMap<String, Object>();
        dynamodb.put("Keys", Map.of("PK", Map.of("S", "POST#" + POST), "SK", Map.of("S", sortKey)));
        if (before != null) {
            dynamodb.put("OldImage", before.isEmpty() ? Map.of("id", Map.of("S", POST)) : Map.of("imageUrl", Map.of("S", before)));
        }
        if (after != null) {
            dynamodb.put("NewImage", after.isEmpty() ? Map.of("id", Map.of("S", POST)) : Map.of("imageUrl", Map.of("S", after)));
        }
        return Map.of("eventName", event, "dynamodb", dynamodb);
    }

    static StreamBatch batch(Object... records) {
        return StreamBatch.of(Json.read(Json.write(Map.of("Records", List.of(records)))));
    }

    @Test
    void aPictureAPostItemShowedBeforeAChangeAndNotAfterIsLeftBehind() {
        var left = new StreamBatch.PictureLeft(POST, FIRST);
        assertEquals(Set.of(left), batch(record("REMOVE", "POST", "/images/" + FIRST, null)).picturesLeft(), "the post deleted");
        assertEquals(Set.of(left), batch(record("MODIFY", "POST", "/images/" + FIRST, "/images/" + SECOND)).picturesLeft(), "replaced");
        assertEquals(Set.of(left), batch(record("MODIFY", "POST", "/images/" + FIRST, "")).picturesLeft(), "taken away");
        assertEquals(Set.of(left), batch(record("MODIFY", "POST", "/images/" + FIRST, ""), record("REMOVE", "POST", "/images/" + FIRST, null))
                .picturesLeft(), "once, however many records say so");
    }

    @Test
    void noPictureIsLeftByAChangeThatKeepsItOrByAPictureElsewhere() {
        assertEquals(Set.of(), batch(record("MODIFY", "POST", "/images/" + FIRST, "/images/" + FIRST)).picturesLeft(), "kept");
        assertEquals(Set.of(), batch(record("INSERT", "POST", null, "/images/" + FIRST)).picturesLeft(), "a new post's");
        assertEquals(Set.of(), batch(record("REMOVE", "POST", "https://intra.example/karta.jpg", null)).picturesLeft(), "elsewhere");
        assertEquals(Set.of(), batch(record("REMOVE", "POST", "/images/../uploads/x.png", null)).picturesLeft(), "no name the uploads make");
        assertEquals(Set.of(), batch(record("REMOVE", "POST#TAG#ystad", "/images/" + FIRST, null)).picturesLeft(), "a list's copy of the post");
    }

    @Test
    void theBatchsPostsAreThoseOfItsPostItemsOnceEachAndAKeyWithoutAnIdIsNone() {
        // A record of another item (a filter left off), or of a key "POST#" with nothing after it, names no post: it is
        // passed over, never read as one; a post changed twice in a batch is indexed once.
        var tagItem = Map.of("eventName", "MODIFY", "dynamodb", Map.of("Keys", Map.of("PK", Map.of("S", "TAG#ystad"), "SK", Map.of("S", "POST"))));
        var noId = Map.of("eventName", "MODIFY", "dynamodb", Map.of("Keys", Map.of("PK", Map.of("S", "POST#"), "SK", Map.of("S", "POST"))));
        assertEquals(Set.of(POST), batch(record("MODIFY", "POST", "", ""), tagItem, noId, record("REMOVE", "POST", "", null)).postIds());
    }
}
