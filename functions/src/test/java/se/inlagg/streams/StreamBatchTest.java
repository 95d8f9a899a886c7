package se.inlagg.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.inlagg.json.Json;

/** What a batch of the table's records says the indexer is to do: the posts to index, the pictures left behind. */
class StreamBatchTest {

    static final String POST = "5ad2042c-f7f5-47ac-98da-d4ede0d324ab";
    static final String FIRST = "abcdefghijklmnopqrstuvwxyz.png";
    static final String SECOND = "zyxwvutsrqponmlkjihgfedcba.jpg";

    static Map<String, Object> record(String event, String sortKey, String before, String after) {
        return record(event, sortKey, before, after, null);
    }

    /** The same, written by DynamoDB at {@code madeAt} (its ApproximateCreationDateTime: seconds since the epoch), where given. */
    static Map<String, Object> record(String event, String sortKey, String before, String after, Number madeAt) {
        var dynamodb = new LinkedHashMap<String, Object>();
        if (madeAt != null) {
            dynamodb.put("ApproximateCreationDateTime", madeAt);
        }
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

    /**
     * The indexer logs how far behind the table it is (search_indexed's lagMs) from the oldest record of the batch: DynamoDB
     * says when it wrote each in seconds since the epoch, so a batch of a minute's changes is as old as its first, whatever
     * the order its records come in. Read as milliseconds, every batch was decades behind; the newest taken for the
     * oldest, a batch that waited looked fresh.
     */
    @Test
    void theBatchIsAsOldAsItsOldestRecordWhichDynamoDbDatesInSeconds() {
        var batch = batch(record("MODIFY", "POST", "", "", 1548839700), record("MODIFY", "POST", "", "", 1548839640),
                record("MODIFY", "POST", "", "", new BigDecimal("1548839760.5")), record("REMOVE", "POST", "", null));
        assertEquals(Optional.of(Instant.parse("2019-01-30T09:14:00Z")), batch.oldest());
        assertEquals(Optional.empty(), batch(record("REMOVE", "POST", "", null)).oldest(), "a batch with no dates has no age");
    }
}
