package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ScheduledCountsTest.done;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostVersion;
import se.inlagg.posts.Refusal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An author's save over words they meant to keep loses nothing: each edit keeps the post as it was, in the same
 * transaction, readable by its author for a year and in no list, and the post's delete takes them with it. On
 * DynamoDB (embedded, or LocalStack with -Dinlagg.backend=localstack), as the functions write and read them.
 */
class PostVersionsTest {

    static final String TABLE = "PostsTable-Versions";
    static final String AUTHOR = "5ad2042c-f7f5-47ac-98da-d4ede0d324ab";
    static final String OTHER = "0e0b7a4e-28c3-4d3c-8a35-6f4d4b1f2a11";

    @TempDir
    Path data;

    @Test
    void eachEditKeepsThePostAsItWasForItsAuthorAndTheDeleteTakesThemAlong() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            Settings settings = Wirings.settings(TABLE);
            Wiring wiring = new Wiring(raw, settings, Clock.systemUTC());
            PostService posts = wiring.posts();
            Post first = done(posts.create(draft("Årsmöte i Östersund", "Första texten, med ö och å."), AUTHOR, Optional.empty()));
            Post second = done(posts.edit(first, draft("Årsmöte i Östersund", "Andra texten."), AUTHOR));
            Post third = done(posts.edit(second, draft("Årsmötet flyttas", "Tredje texten."), AUTHOR));
            assertRefused(Refusal.Forbidden.class, posts.getToChange(first.slug(), OTHER), "another author's, whose versions are read from it");
            // A publish or a category's change keeps none: only the words an author writes are kept.
            done(posts.unpublish(third.slug(), AUTHOR, Optional.empty()));

            Post now = done(posts.getToChange(first.slug(), AUTHOR));
            assertEquals(4, now.version());
            var history = posts.versions(now, OptionalLong.empty(), PostVersion.PAGE);
            assertEquals(List.of(2L, 1L), history.items().stream().map(PostVersion::number).toList(), "newest first");
            assertEquals(List.of("Årsmöte i Östersund", "Årsmöte i Östersund"),
                    history.items().stream().map(v -> v.post().summary().title()).toList());
            assertEquals(Optional.empty(), history.nextCursor());

            PostVersion one = done(posts.version(now, 1));
            assertEquals("Första texten, med ö och å.", one.post().body());
            assertTrue(one.post().bodyHtml().contains("<p>Första texten, med ö och å.</p>"), one.post().bodyHtml());
            assertEquals(first.summary().updatedAt(), one.savedAt());
            assertEquals(second.summary().updatedAt(), one.replacedAt());

            // One at a time: the page after the first goes on below it.
            var page = posts.versions(now, OptionalLong.empty(), 1);
            assertEquals(List.of(2L), page.items().stream().map(PostVersion::number).toList());
            long after = Long.parseLong(page.nextCursor().orElseThrow());
            assertEquals(List.of(1L), posts.versions(now, OptionalLong.of(after), 1).items().stream().map(PostVersion::number).toList());

            assertRefused(Refusal.NotFound.class, posts.version(now, 3), "the publish kept no version");
            assertRefused(Refusal.NotFound.class, posts.version(now, 0), "no version 0");

            // Kept a year, as the API's description tells authors: a day short of it, every one is there still. (A probe of the
            // tests: a year cut to a day left every test green, the one below reading its year from the same constant.)
            PostService dayShortOfAYear = new Wiring(raw, settings, Clock.offset(Clock.systemUTC(), Duration.ofDays(364))).posts();
            assertEquals(List.of(2L, 1L), dayShortOfAYear.versions(now, OptionalLong.empty(), 20).items().stream()
                    .map(PostVersion::number).toList(), "364 days on");
            assertEquals("Första texten, med ö och å.", done(dayShortOfAYear.version(now, 1)).post().body(), "364 days on");

            // A year on, DynamoDB may not have removed them yet: they are not shown.
            PostService yearOn = new Wiring(raw, settings, Clock.offset(Clock.systemUTC(), PostVersion.KEPT_FOR.plus(Duration.ofMinutes(1)))).posts();
            assertEquals(List.of(), yearOn.versions(now, OptionalLong.empty(), 20).items());
            assertRefused(Refusal.NotFound.class, yearOn.version(now, 1), "outlived");

            assertEquals(2, versionItems(raw, first.id()), "stored in the post's partition");
            done(posts.delete(first.slug(), Optional.empty(), AUTHOR));
            assertEquals(0, versionItems(raw, first.id()), "the delete took them along, in its one write");
            // Nor is anything else of it left: its text, in the body item, goes with the post (no TTL would take it).
            assertEquals(List.of(), raw.query(r -> r.tableName(TABLE).consistentRead(true).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("POST#" + first.id())))).items(), "nothing of the post is left");
        }
    }

    /**
     * From a review: DynamoDB stops a Query at 1 MB read, so the versions of a long text (some three to a megabyte) ended
     * their list early with no way to the older ones, and its delete left most of them.
     */
    @Test
    void everyVersionOfALongTextIsListedAndTheDeleteTakesThemAll() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            PostService posts = Wirings.on(raw, TABLE).posts();
            Post post = done(posts.create(draft("Lång text", longText(0, 30_000)), AUTHOR, Optional.empty()));
            for (int edit = 1; edit <= 22; edit++) {
                post = done(posts.edit(post, draft("Lång text", longText(edit, 30_000)), AUTHOR));
            }
            var first = posts.versions(post, OptionalLong.empty(), PostVersion.PAGE);
            assertEquals(20, first.items().size(), "a full page, though it is more than a megabyte");
            assertEquals(Optional.of("3"), first.nextCursor());
            assertEquals(List.of(2L, 1L), posts.versions(post, OptionalLong.of(3), PostVersion.PAGE).items().stream()
                    .map(PostVersion::number).toList());

            Post longest = done(posts.create(draft("Längsta texten", longText(0, 95_000)), AUTHOR, Optional.empty()));
            for (int edit = 1; edit <= 8; edit++) {
                longest = done(posts.edit(longest, draft("Längsta texten", longText(edit, 95_000)), AUTHOR));
            }
            assertEquals(8, versionItems(raw, longest.id()));
            done(posts.delete(longest.slug(), Optional.empty(), AUTHOR));
            assertEquals(0, versionItems(raw, longest.id()), "every one, in the delete's one write");
        }
    }

    /**
     * A post edited more often than one transaction has room to remove its versions of is deleted all the same, with an
     * hour's write allowance, whose operation takes one of the transaction's hundred: the delete takes what fits beside it
     * and the rest go when their year has passed. (A probe of the tests: one more removal than the room left made the
     * delete's transaction 101 operations, which DynamoDB refuses, and every test stayed green.) One edit makes a real
     * version, and 104 copies of it under the next numbers stand for the rest: a delete reads only their keys, and 105
     * edits took 95 s on LocalStack, whose DynamoDB copies the table once per item of every transaction.
     */
    @Test
    void aPostEditedMoreThanATransactionHoldsIsDeletedWithAnAllowance() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            Settings settings = Wirings.settings(TABLE, 100_000_000);
            PostService posts = new Wiring(raw, settings, Clock.systemUTC()).posts();
            Post post = done(posts.create(draft("Ofta ändrad", "Text 0."), AUTHOR, Optional.empty()));
            post = done(posts.edit(post, draft("Ofta ändrad", "Text 1."), AUTHOR));
            Map<String, AttributeValue> made = versionsStored(raw, post.id(), TABLE).getFirst();
            List<WriteRequest> copies = new ArrayList<>();
            for (long number = 2; number <= 105; number++) {
                Map<String, AttributeValue> copy = new HashMap<>(made);
                copy.put("SK", AttributeValue.fromS("VERSION#" + String.format("%019d", number)));
                copies.add(WriteRequest.builder().putRequest(p -> p.item(copy)).build());
            }
            for (int from = 0; from < copies.size(); from += 25) {
                var batch = copies.subList(from, Math.min(from + 25, copies.size()));
                assertTrue(raw.batchWriteItem(r -> r.requestItems(Map.of(TABLE, batch))).unprocessedItems().isEmpty());
            }
            assertEquals(105, versionItems(raw, post.id()));
            assertInstanceOf(Outcome.Done.class, posts.delete(post.slug(), Optional.empty(), AUTHOR), "deleted");
            assertRefused(Refusal.NotFound.class, posts.getToChange(post.slug(), AUTHOR), "gone");
            assertTrue(versionItems(raw, post.id()) < 105, "those that fit went with it");
        }
    }

    /**
     * Text of about {@code chars} characters (a body may have 100,000), a little different for each {@code edit}; at some
     * 2.4 bytes a character (å, ä, ö, and "–", which is three), near the 300,000 bytes a body may have at its longest.
     */
    static String longText(int edit, int chars) {
        String paragraph = "Stycke " + edit + " – öäå – öäå – öäå – öäå – öäå – öäå – öäå – öäå – öäå – om frivården i Östersund. ";
        return paragraph.repeat(chars / paragraph.length());
    }

    /**
     * An edit that changes no words (publishes, dates) keeps no version: found by a newcomer, a status-only PATCH listed the
     * same words again. One that changes a category does: the form gives categories back.
     */
    @Test
    void anEditThatChangesNoWordsKeepsNone() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            PostService posts = Wirings.on(raw, TABLE).posts();
            Post post = done(posts.create(draft("Samma ord", "Text.").withStatus("draft"), AUTHOR, Optional.empty()));
            Post published = done(posts.edit(post, draft("Samma ord", "Text."), AUTHOR));
            assertEquals("published", published.summary().status().wire());
            assertEquals(0, versionItems(raw, post.id()), "published, no word changed");
            var recategorised = new PostDraft(Optional.of("Samma ord"), Optional.of("Text."), Optional.of("Åsa Öberg"), Optional.empty(),
                    Optional.empty(), List.of("Fest", "Jul"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of("published"));
            done(posts.edit(published, recategorised, AUTHOR));
            assertEquals(1, versionItems(raw, post.id()), "a category added");
        }
    }

    /** Kept versions are in no list: a published post edited twice is still one post in the feed and its category. */
    @Test
    void anEditedPublishedPostIsListedOnce() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            Wiring wiring = Wirings.on(raw, TABLE);
            PostService posts = wiring.posts();
            Post first = done(posts.create(draft("Julbord på kontoret", "Ett."), AUTHOR, Optional.empty()));
            Post second = done(posts.edit(first, draft("Julbord på kontoret", "Två."), AUTHOR));
            done(posts.edit(second, draft("Julbordet på kontoret", "Tre."), AUTHOR));
            var feed = done(posts.list(ListQuery.newest(20)));
            assertEquals(List.of("Julbordet på kontoret"), feed.items().stream().map(s -> s.title()).toList());
            assertEquals(1, ScheduledCountsTest.count(wiring, "fest"));
        }
    }

    static PostDraft draft(String title, String body) {
        return new PostDraft(Optional.of(title), Optional.of(body), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(),
                List.of("Fest"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("published"));
    }

    static void assertRefused(Class<? extends Refusal> expected, Outcome<?> outcome, String why) {
        assertInstanceOf(expected, assertInstanceOf(Outcome.Refused.class, outcome, why).refusal(), why);
    }

    /** Every version item stored, counted page by page (a Query stops at 1 MB read). */
    static int versionItems(DynamoDbClient raw, String postId) {
        return versionItems(raw, postId, TABLE);
    }

    static int versionItems(DynamoDbClient raw, String postId, String table) {
        return versionsStored(raw, postId, table).size();
    }

    /** The post's version items as the table holds them, every page of them. */
    static List<Map<String, AttributeValue>> versionsStored(DynamoDbClient raw, String postId, String table) {
        return raw.queryPaginator(r -> r.tableName(table).consistentRead(true).keyConditionExpression("PK = :pk AND begins_with(SK, :v)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("POST#" + postId), ":v", AttributeValue.fromS("VERSION#"))))
                .items().stream().toList();
    }
}
