package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.SiteTime;
import se.inlagg.store.DynamoPostRepository;
import se.inlagg.store.Table;
import se.inlagg.store.Transactions;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A post read by its slug (one Query of the slug's partition, which holds copies of its summary and
 * body) is the post read by its id, after every kind of change, and for a post written before the
 * copies existed; a delete leaves nothing under the slug. On the embedded DynamoDB or LocalStack.
 */
class SlugCopyTest {

    static final String AUTHOR = "author-1";
    static final String TABLE = "PostsTable-SlugCopy";

    @TempDir
    Path data;

    DynamoForTests dynamo;
    DynamoPostRepository repository;
    PostService posts;

    @BeforeEach
    void table() throws Exception {
        dynamo = DynamoForTests.start(data);
        dynamo.createTable(Template.read(Repo.template()), TABLE);
        var time = new SiteTime(ZoneId.of("Europe/Stockholm"), Clock.systemUTC());
        repository = new DynamoPostRepository(new Table(TABLE, dynamo.client()), new Transactions(dynamo.client(), Duration.ofSeconds(5)),
                time);
        posts = new PostService(repository, time, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() throws Exception {
        dynamo.close();
    }

    @Test
    void aPostReadByItsSlugIsThePostReadByItsIdAfterEveryKindOfChangeAndNothingIsLeftAfterADelete() {
        Post created = done(posts.create(draft("Möte om å, ä och ö", "Första texten.", "draft", "Klientens bästa"), AUTHOR,
                Optional.empty()));
        String slug = created.summary().slug();
        String id = created.summary().id();
        assertSameBothWays(repository, slug, id, "created as a draft");

        Post edited = done(posts.edit(created, draft("Nytt namn på mötet", "Andra texten, **fet**.", "draft", "Klientens bästa"),
                AUTHOR));
        assertEquals("Andra texten, **fet**.", assertSameBothWays(repository, slug, id, "edited").body());
        assertEquals(slug, edited.summary().slug(), "the slug stays");

        done(posts.addTags(slug, List.of("Övrigt"), AUTHOR));
        assertEquals(2, assertSameBothWays(repository, slug, id, "a category added").summary().tags().size());

        done(posts.publish(slug, AUTHOR, Optional.empty(), Optional.empty()));
        Post published = assertSameBothWays(repository, slug, id, "published");
        assertNotEquals(created.summary().status(), published.summary().status());

        done(posts.delete(slug, Optional.empty(), AUTHOR));
        assertEquals(Optional.empty(), repository.findBySlug(slug));
        assertEquals(Optional.empty(), repository.findById(id));
        assertEquals(0, dynamo.client().query(q -> q.tableName(TABLE).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SLUG#" + slug)))).count(), "nothing under the slug");
    }

    @Test
    void aPostWrittenBeforeTheCopiesIsReadByItsIdUntilAnEditWritesThem() {
        Post post = done(posts.create(draft("Äldre inlägg", "Gammal text.", null, "Arkiv"), AUTHOR, Optional.empty()));
        String slug = post.summary().slug();
        String id = post.summary().id();
        // As an older version wrote the slug: a claim naming the post's id, and no copies.
        dynamo.client().deleteItem(d -> d.tableName(TABLE).key(Map.of("PK", AttributeValue.fromS("SLUG#" + slug),
                "SK", AttributeValue.fromS("BODY"))));
        dynamo.client().putItem(p -> p.tableName(TABLE).item(Map.of("PK", AttributeValue.fromS("SLUG#" + slug),
                "SK", AttributeValue.fromS("SLUG"), "postId", AttributeValue.fromS(id))));
        assertEquals(post, assertSameBothWays(repository, slug, id, "an old claim"));

        done(posts.addTags(slug, List.of("Ändrat"), AUTHOR));
        assertTrue(assertSameBothWays(repository, slug, id, "the summary's copy written, the body's not yet").body()
                .equals("Gammal text."));

        Post current = repository.findBySlug(slug).orElseThrow();
        done(posts.edit(current, draft("Äldre inlägg", "Ny text.", null, "Arkiv", "Ändrat"), AUTHOR));
        assertEquals("Ny text.", assertSameBothWays(repository, slug, id, "both copies written").body());
    }

    private static Post assertSameBothWays(DynamoPostRepository repository, String slug, String id, String after) {
        Post byId = repository.findById(id).orElseThrow(() -> new AssertionError(after + ": no post " + id));
        assertEquals(Optional.of(byId), repository.findBySlug(slug), after + ": by slug");
        assertEquals(Optional.of(byId.summary()), repository.findSummaryBySlug(slug), after + ": the summary by slug");
        return byId;
    }

    private static PostDraft draft(String title, String body, String status, String... tags) {
        return new PostDraft(Optional.of(title), Optional.of(body), Optional.of("Åsa Öberg"), Optional.of("Frivårdsinspektör"),
                Optional.of("Frivården Malmö"), List.of(tags), Optional.of("2020-03-04"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.ofNullable(status));
    }

    @SuppressWarnings("unchecked")
    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome, () -> "refused: " + outcome)).value();
    }
}
