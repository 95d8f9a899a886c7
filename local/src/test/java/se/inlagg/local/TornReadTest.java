package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ScheduledCountsTest.done;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostVersion;
import se.inlagg.posts.Slugs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A post and its body are read by one Query (BODY..POST, DynamoPostRepository.findById) or one BatchGetItem (a read
 * ahead), and written by one TransactWriteItems. The embedded DynamoDB holds a read lock for a whole Query, so a Query
 * never sees half of a transaction. DynamoDB does not promise that:
 *
 * <blockquote>"The isolation level is read-committed between any transactional operation and any read operation that
 * involves multiple standard reads (BatchGetItem, Query, or Scan). If a transactional write updates an item in the
 * middle of a BatchGetItem, Query, or Scan operation, the read operation returns the new committed value."
 * (DynamoDB Developer Guide, "Amazon DynamoDB Transactions: How it works", Isolation levels for DynamoDB transactions;
 * the summary table there lists Query and BatchGetItem as Read-committed, GetItem and TransactGetItems as Serializable;
 * the current page adds: "To ensure an atomic snapshot of items modified in a transaction, use the TransactGetItems
 * operation".)</blockquote>
 *
 * <p>So on AWS the Query can return the BODY item as it was before an edit's transaction and the POST item as that
 * transaction left it. The body item carries no version, so nothing notices: an edit that takes its body from what it
 * read (a PATCH naming only the title: EditPostHandler merges onto PostJson.createFields(current), and
 * PostService.edit writes that body back) is conditioned only on the post item's version, which is the new one, and
 * commits the old words over the concurrent edit's, keeping the torn read as the "earlier version" too. The words of
 * the concurrent edit are then nowhere. This test makes the Query read as AWS may (its first item, then the
 * concurrent edit commits, then its second item) on the embedded DynamoDB, and fails.
 */
class TornReadTest {

    static final String TABLE = "PostsTable-TornRead";
    static final String AUTHOR = "5ad2042c-f7f5-47ac-98da-d4ede0d324ab";

    @TempDir
    Path data;

    @Test
    void aTitleOnlyEditNeverPutsBackWordsAConcurrentEditReplaced() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            AtomicReference<Runnable> midQuery = new AtomicReference<>();
            DynamoDbClient interleaving = readCommitted(raw, midQuery);
            Wiring wiring = Wirings.on(interleaving, TABLE);
            PostService posts = wiring.posts();

            Post first = done(posts.create(draft("Årsmöte i Östersund", "Första texten."), AUTHOR, Optional.empty()));
            // While the title-only edit below reads the post, the author's other tab saves new words (one transaction).
            midQuery.set(() -> done(posts.edit(first, draft("Årsmöte i Östersund", "Andra texten, den som gäller."), AUTHOR)));

            Post read = done(posts.getToChange(first.slug(), AUTHOR));
            // The PATCH {"title": …} of EditPostHandler: every other field, the body included, as read.
            Outcome<Post> retitled = posts.edit(read, draft("Årsmötet flyttas", read.body()), AUTHOR);

            Post now = done(posts.getToChange(first.slug(), AUTHOR));
            List<String> everyText = new ArrayList<>(List.of(now.body()));
            for (PostVersion v : posts.versions(now, OptionalLong.empty(), PostVersion.PAGE).items()) {
                everyText.add(done(posts.version(now, v.number())).post().body());
            }
            assertTrue(everyText.contains("Andra texten, den som gäller."),
                    "the concurrent edit's words are neither the post's nor any kept version's (title-only edit: "
                            + retitled.getClass().getSimpleName() + ", read as version " + read.version() + " with body \""
                            + read.body() + "\"): " + everyText);
            assertEquals("Andra texten, den som gäller.", now.body(), "a title-only edit leaves the words as the last save left them");
        }
    }

    /**
     * The reader's side of the same read: GET /api/posts/{slug} answers the ETag of the post item's version
     * (PostJson.etag) with the body the Query returned, and answers 304 to that ETag from then on (Caching, public with
     * s-maxage), so a torn read pins the old words at CloudFront and in browsers under the new version's ETag until the
     * post changes again. One ETag must name one representation.
     */
    @Test
    void aReaderNeverGetsAVersionsETagWithAnotherVersionsWords() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            AtomicReference<Runnable> midQuery = new AtomicReference<>();
            Wiring wiring = Wirings.on(readCommitted(raw, midQuery), TABLE);
            PostService posts = wiring.posts();

            Post first = done(posts.create(draft("Årsmöte i Östersund", "Första texten."), AUTHOR, Optional.empty()));
            midQuery.set(() -> done(posts.edit(first, draft("Årsmöte i Östersund", "Andra texten, den som gäller."), AUTHOR)));
            Post seen = done(posts.get(first.slug(), Optional.empty()));
            Post now = done(posts.get(first.slug(), Optional.empty()));

            assertEquals(now.version(), seen.version(), "both reads name the version the edit wrote");
            assertEquals(now.body(), seen.body(), "a reader shown version " + seen.version() + " (its ETag) gets that version's words");
        }
    }

    /**
     * A reader asking for a slug (a link shared ahead, a refresh) just as its author's create commits: the Query meets no
     * body item and then the post, which names the body it was written with. Taken as a post with no text, version 1 was
     * answered empty under its ETag, which 304s keep, and a PATCH of the title made from it would save the empty text
     * (from a review).
     */
    @Test
    void aReaderNeverGetsAPostWithoutTheTextItWasCreatedWith() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            AtomicReference<Runnable> midQuery = new AtomicReference<>();
            PostService posts = Wirings.on(readCommitted(raw, midQuery), TABLE).posts();
            String title = "Årsmöte i Östersund, skapat nu";
            midQuery.set(() -> done(posts.create(draft(title, "Första texten."), AUTHOR, Optional.empty())));
            Outcome<Post> seen = posts.get(Slugs.forTitle(title), Optional.empty());
            assertEquals(null, midQuery.get(), "the read went across the create");
            Post read = done(seen);
            assertEquals(1, read.version());
            assertEquals("Första texten.", read.body(), "version 1 (its ETag) with the words it was created with");
        }
    }

    /**
     * An author's page reads its session, the slug's claim, the post and its body ahead in one BatchGetItem, which is
     * read-committed against a transaction too, in no order DynamoDB promises: the old text with the new post opened in
     * the edit form would be saved, under the new post's version, over the words of the edit between them.
     */
    @Test
    void anAuthorsPageReadAheadNeverPairsANewPostWithItsOldText() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            AtomicReference<Runnable> midBatch = new AtomicReference<>();
            Wiring wiring = Wirings.on(batchReadCommitted(raw, midBatch), TABLE);
            PostService posts = wiring.posts();
            Post first = done(posts.create(draft("Årsmöte i Östersund", "Första texten."), AUTHOR, Optional.empty()));
            String session = wiring.sessions().begin(AUTHOR, "session-" + UUID.randomUUID(), "csrf", Instant.now()).id();

            midBatch.set(() -> done(posts.edit(first, draft("Årsmöte i Östersund", "Andra texten, den som gäller."), AUTHOR)));
            Post opened = wiring.withSessionAndSlug(Optional.of(session), Optional.of(first.slug()),
                    () -> done(posts.getToChange(first.slug(), AUTHOR)));

            assertEquals(null, midBatch.get(), "the page read its post ahead, across the edit");
            assertEquals(2, opened.version(), "the post as the edit left it");
            assertEquals("Andra texten, den som gäller.", opened.body(), "with the text of that version");
        }
    }

    /**
     * The client as DynamoDB may answer a BatchGetItem: the body item as before the armed write, every other item as
     * after it.
     */
    static DynamoDbClient batchReadCommitted(DynamoDbClient real, AtomicReference<Runnable> midBatch) {
        return Intercepted.of(DynamoDbClient.class, real).replace("batchGetItem", call -> {
            if (midBatch.get() == null) {
                return call.proceed();
            }
            var b = (BatchGetItemRequest) call.request();
            Runnable between = midBatch.getAndSet(null);
            BatchGetItemResponse before = real.batchGetItem(b);
            between.run();
            BatchGetItemResponse after = real.batchGetItem(b);
            Map<String, List<Map<String, AttributeValue>>> spliced = new HashMap<>();
            after.responses().forEach((table, items) -> {
                List<Map<String, AttributeValue>> mixed = new ArrayList<>();
                items.stream().filter(i -> !i.get("SK").s().equals("BODY")).forEach(mixed::add);
                before.responses().getOrDefault(table, List.of()).stream().filter(i -> i.get("SK").s().equals("BODY")).forEach(mixed::add);
                spliced.put(table, mixed);
            });
            return after.toBuilder().responses(spliced).build();
        }).client();
    }

    /**
     * The client as DynamoDB may answer: the Query of a post's BODY..POST range reads the BODY item, then lets the
     * armed write commit, then reads the POST item (read-committed between a Query and a transaction).
     */
    static DynamoDbClient readCommitted(DynamoDbClient real, AtomicReference<Runnable> midQuery) {
        return Intercepted.of(DynamoDbClient.class, real).replace("query", call -> {
            if (!(call.request() instanceof QueryRequest q && q.keyConditionExpression().contains("BETWEEN :body AND :post")
                    && midQuery.get() != null)) {
                return call.proceed();
            }
            Runnable between = midQuery.getAndSet(null);
            QueryResponse body = real.query(only(q, ":body"));
            between.run();
            QueryResponse post = real.query(only(q, ":post"));
            List<Map<String, AttributeValue>> items = new ArrayList<>(body.items());
            items.addAll(post.items());
            return QueryResponse.builder().items(items).count(items.size()).scannedCount(items.size()).build();
        }).client();
    }

    /** The same Query narrowed to the one sort key its bound names. */
    private static QueryRequest only(QueryRequest q, String bound) {
        Map<String, AttributeValue> values = new HashMap<>(q.expressionAttributeValues());
        AttributeValue sk = values.get(bound);
        values.put(":body", sk);
        values.put(":post", sk);
        return q.toBuilder().expressionAttributeValues(values).build();
    }

    static PostDraft draft(String title, String body) {
        return new PostDraft(Optional.of(title), Optional.of(body), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(),
                List.of("Fest"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("published"));
    }
}
