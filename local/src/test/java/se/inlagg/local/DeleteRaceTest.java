package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static se.inlagg.local.ScheduledCountsTest.done;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Seen;
import se.inlagg.posts.Tag;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A delete reads the post, then writes in one transaction: the post's removal, its body's, and its leaving each
 * category it was read with. An edit the author's other tab saves between that read and that write is not
 * deleted unseen: a delete sent for the version it read (a form's version, the API's If-Match) is refused, and one
 * sent for no version reads the post again, so no category goes on counting (and listing) a post that is gone.
 */
class DeleteRaceTest {

    /** A table of each test's own: on LocalStack every test of the run shares one DynamoDB. */
    final String table = "PostsTable-DeleteRace-" + UUID.randomUUID();
    static final String AUTHOR = "5ad2042c-f7f5-47ac-98da-d4ede0d324ab";

    @TempDir
    Path data;

    DynamoForTests dynamo;
    DynamoDbClient raw;
    /** The other tab: it reads and writes the table as it is. */
    Wiring plain;
    PostService other;
    /** The write raced (racing, below). */
    PostService posts;
    final AtomicReference<Runnable> beforeWrite = new AtomicReference<>();

    @BeforeEach
    void table() throws Exception {
        dynamo = DynamoForTests.start(data);
        raw = dynamo.client();
        dynamo.createTable(table);
        plain = wiring(raw);
        other = plain.posts();
        posts = wiring(racing(raw, beforeWrite)).posts();
    }

    @AfterEach
    void close() throws Exception {
        raw.close();
        dynamo.close();
    }

    @Test
    void aDeleteForTheVersionItReadIsRefusedWhenAnEditLandedBeforeItsWrite() throws Exception {
        Post first = done(other.create(draft("Årsmöte i Östersund", "Första texten.", List.of("Fest")), AUTHOR, Optional.empty()));
        beforeWrite.set(() -> done(other.edit(first, draft("Årsmöte i Östersund", "Andra texten, den som gäller.", List.of("Fest")), AUTHOR)));

        Outcome<PostSummary> deleted = posts.delete(first.slug(), Optional.of(Seen.atVersion(first.version())), AUTHOR);

        assertNull(beforeWrite.get(), "the edit landed between the delete's read and its write");
        assertInstanceOf(Outcome.Refused.class, deleted, "a delete of version " + first.version() + " after version "
                + (first.version() + 1) + " was saved");
        Post now = done(other.getToChange(first.slug(), AUTHOR));
        assertEquals("Andra texten, den som gäller.", now.body(), "the edit saved meanwhile is still there");
    }

    @Test
    void aDeleteForNoVersionTakesThePostOutOfTheCategoryAnEditPutItInMeanwhile() throws Exception {
        Post first = done(other.create(draft("Kvällsmöte", "Text.", List.of("Fest")), AUTHOR, Optional.empty()));
        beforeWrite.set(() -> done(other.edit(first, draft("Kvällsmöte", "Text.", List.of("Fest", "Kväll")), AUTHOR)));
        assertEquals(0, ScheduledCountsTest.count(plain, "kvall"));

        done(posts.delete(first.slug(), Optional.empty(), AUTHOR));

        assertNull(beforeWrite.get(), "the edit landed between the delete's read and its write");
        assertInstanceOf(Outcome.Refused.class, other.getToChange(first.slug(), AUTHOR), "the post is gone");
        assertEquals(0, ScheduledCountsTest.count(plain, "kvall"), "the category the edit added counts no post that is gone");
        assertEquals(0, ScheduledCountsTest.count(plain, "fest"));
    }

    /**
     * A change of categories sent for no version (the API's tags without If-Match) reads the post again as a delete does,
     * when an edit saved between its read and its write refuses it by the post's version: it lands on that edit, whose
     * text stays. It is not answered as busy, nor made again from the post as first read.
     */
    @Test
    void aChangeOfCategoriesForNoVersionLandsOnTheEditSavedBeforeItsWrite() throws Exception {
        Post first = done(other.create(draft("Sommarfest", "Första texten.", List.of("Fest")), AUTHOR, Optional.empty()));
        // The change takes the post out of Fest, so its write deletes that entry.
        beforeWrite.set(() -> done(other.edit(first, draft("Sommarfest", "Andra texten, den som gäller.", List.of("Fest")), AUTHOR)));

        done(posts.replaceTags(first.slug(), List.of("Sommar"), Optional.empty(), AUTHOR));

        assertNull(beforeWrite.get(), "the edit landed between the change's read and its write");
        Post now = done(other.getToChange(first.slug(), AUTHOR));
        assertEquals("Andra texten, den som gäller.", now.body(), "the edit saved meanwhile is still there");
        assertEquals(List.of("sommar"), now.summary().tags().stream().map(Tag::slug).toList());
        assertEquals(0, ScheduledCountsTest.count(plain, "fest"));
        assertEquals(1, ScheduledCountsTest.count(plain, "sommar"));
    }

    Wiring wiring(DynamoDbClient client) {
        return Wirings.on(client, table);
    }

    /** The client whose first transaction deleting an item first runs what {@code beforeWrite} holds, once. */
    static DynamoDbClient racing(DynamoDbClient raw, AtomicReference<Runnable> beforeWrite) {
        return Intercepted.of(DynamoDbClient.class, raw).before("transactWriteItems", call -> {
            TransactWriteItemsRequest request = (TransactWriteItemsRequest) call.request();
            if (request.transactItems().stream().anyMatch(i -> i.delete() != null)) {
                Runnable edit = beforeWrite.getAndSet(null);
                if (edit != null) {
                    edit.run();
                }
            }
        }).client();
    }

    static PostDraft draft(String title, String body, List<String> tags) {
        return new PostDraft(Optional.of(title), Optional.of(body), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(),
                tags, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("published"));
    }
}
