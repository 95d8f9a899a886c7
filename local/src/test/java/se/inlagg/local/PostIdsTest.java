package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.posts.Ids;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Tag;

/**
 * A post's id is named by its slug (posts.Ids.ofSlug), so a read by slug finds the post in the claim's
 * own call; a post created before that, with a random id, is still read, changed and deleted, one
 * call more. A slug names one post for good: one taken by another title's post is never given again,
 * nor one whose post was deleted. On either backend.
 */
class PostIdsTest {

    static final String AUTHOR = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

    @TempDir
    Path data;

    @Test
    void aPostIsReadBySlugInOneCallAndOneWithARandomIdInThree() throws Exception {
        try (var dynamo = DynamoForTests.start(data)) {
            dynamo.createTable("PostsTable-Ids");
            var meter = new MeteredDynamo();
            var settings = Wirings.settings("PostsTable-Ids");
            var wiring = new Wiring(meter.client(dynamo.endpoint()), settings, Clock.systemUTC());
            Post named = created(wiring.posts(), "Månadsmöte i Ystad");
            assertEquals(Ids.ofSlug(named.slug()), named.id(), "a new post's id is named by its slug");
            Post random = LegacyPosts.create(LegacyPosts.service(dynamo.client(), settings), "Månadsmöte i Ystad", AUTHOR);
            assertEquals("manadsmote-i-ystad-2", random.slug());
            assertNotEquals(Ids.ofSlug(random.slug()), random.id(), "made as posts were before ids were named by slugs");
            meter.reset();

            for (Post post : List.of(named, random)) {
                boolean old = post == random;
                Post read = (Post) assertInstanceOf(Outcome.Done.class, wiring.posts().get(post.slug(), Optional.of(AUTHOR))).value();
                assertEquals(post.id(), read.id());
                assertEquals(post.bodyHtml(), read.bodyHtml());
                // Named by its slug: the post and body in one Query. Older: nothing there, then its slug's claim, then the post.
                assertEquals(old ? List.of("Query", "Query", "Query") : List.of("Query"), meter.reset().operations(), post.slug());

                var tagged = (PostSummary) assertInstanceOf(Outcome.Done.class,
                        wiring.posts().addTags(post.slug(), List.of("Ekonomi"), Optional.empty(), AUTHOR)).value();
                assertEquals(List.of("Frivård", "Ekonomi"), tagged.tags().stream().map(Tag::name).toList());
                assertEquals(old ? List.of("BatchGetItem", "Query", "TransactWriteItems") : List.of("BatchGetItem", "TransactWriteItems"),
                        meter.reset().operations(), "the post and the new category's counter in one call, then the write: " + post.slug());

                assertInstanceOf(Outcome.Done.class, wiring.posts().delete(post.slug(), Optional.empty(), AUTHOR));
                meter.reset();
                var gone = assertInstanceOf(Outcome.Refused.class, wiring.posts().get(post.slug(), Optional.of(AUTHOR)));
                assertInstanceOf(Refusal.NotFound.class, gone.refusal());
                assertEquals(old ? List.of("Query", "Query", "Query") : List.of("Query", "Query"), meter.reset().operations(),
                        "a deleted post: nothing under the id its slug names, then its claim (the slug is never given again): " + post.slug());
            }
            assertEquals("manadsmote-i-ystad-3", created(wiring.posts(), "Månadsmöte i Ystad").slug(),
                    "a deleted post's slug is not given again");
        }
    }

    /**
     * "Fika 2" makes the slug "fika-2", which the second "Fika" took: once that post is deleted its claim
     * stays, so "Fika 2" gets a slug, and an id, of its own. And a slug another title's post holds
     * makes the claim and the post item its slug names refuse the create together: it takes the next
     * number rather than reading the counter again until it gives up.
     */
    @Test
    void aSlugTakenByAnotherTitleOrByADeletedPostIsNeverGivenAgain() throws Exception {
        try (var dynamo = DynamoForTests.start(data)) {
            dynamo.createTable("PostsTable-Slugs");
            var posts = Wirings.on(dynamo.client(), "PostsTable-Slugs").posts();
            assertEquals("fika", created(posts, "Fika").slug());
            Post second = created(posts, "Fika");
            assertEquals("fika-2", second.slug());
            assertInstanceOf(Outcome.Done.class, posts.delete(second.slug(), Optional.empty(), AUTHOR));
            Post after = created(posts, "Fika 2");
            assertEquals("fika-2-2", after.slug(), "the deleted post's slug stays claimed");
            assertNotEquals(second.id(), after.id());
            var gone = assertInstanceOf(Outcome.Refused.class, posts.get("fika-2", Optional.of(AUTHOR)));
            assertInstanceOf(Refusal.NotFound.class, gone.refusal());

            assertEquals("fika-3", created(posts, "Fika").slug());
            assertEquals("fika-3-2", created(posts, "Fika 3").slug(), "a slug another title's post holds");
        }
    }

    /**
     * A reader asking for a draft's or a scheduled post's slug is answered 404 after the same calls as for a slug no post
     * holds (a hidden post's 404 a read sooner would let timing tell a guessed title's draft from no post); its author still
     * reads it in one.
     */
    @Test
    void aHiddenPostIsLookedForAsAMissingOneIsSoItsNotFoundTakesAsLong() throws Exception {
        try (var dynamo = DynamoForTests.start(data)) {
            dynamo.createTable("PostsTable-Hidden");
            var meter = new MeteredDynamo();
            var settings = Wirings.settings("PostsTable-Hidden");
            var posts = new Wiring(meter.client(dynamo.endpoint()), settings, Clock.systemUTC()).posts();
            var draft = LegacyPosts.draft("Omorganisation i Örebro").withStatus("draft");
            var scheduled = new PostDraft(Optional.of("Varsel i Väst"), Optional.of("Text."), Optional.of("Åsa Öberg"),
                    Optional.empty(), Optional.empty(), List.of(), Optional.of("2099-01-30"), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("published"));
            List<String> hidden = List.of(
                    ((Post) assertInstanceOf(Outcome.Done.class, posts.create(draft, AUTHOR, Optional.empty())).value()).slug(),
                    ((Post) assertInstanceOf(Outcome.Done.class, posts.create(scheduled, AUTHOR, Optional.empty())).value()).slug());
            meter.reset();
            assertInstanceOf(Outcome.Refused.class, posts.get("finns-inte-alls", Optional.empty()));
            List<String> missing = meter.reset().operations();
            assertEquals(List.of("Query", "Query"), missing, "nothing under the id the slug names, then its claim");
            for (String slug : hidden) {
                var refused = assertInstanceOf(Outcome.Refused.class, posts.get(slug, Optional.empty()));
                assertInstanceOf(Refusal.NotFound.class, refused.refusal());
                assertEquals(missing, meter.reset().operations(), "a reader's 404 for " + slug);
                assertInstanceOf(Outcome.Done.class, posts.get(slug, Optional.of(AUTHOR)));
                assertEquals(List.of("Query"), meter.reset().operations(), "its author reads it in one call: " + slug);
            }
        }
    }

    /**
     * A draft or a scheduled post made with a random id, found through its slug's claim, is hidden from readers and from
     * other authors as one named by its slug is: a draft begun before ids came from slugs is not shown to the world.
     */
    @Test
    void aHiddenPostWithARandomIdIsNotFoundByReadersEither() throws Exception {
        try (var dynamo = DynamoForTests.start(data)) {
            dynamo.createTable("PostsTable-HiddenRandom");
            var settings = Wirings.settings("PostsTable-HiddenRandom");
            var legacy = LegacyPosts.service(dynamo.client(), settings);
            var draft = LegacyPosts.draft("Utkast från förr i Örebro").withStatus("draft");
            var scheduled = new PostDraft(Optional.of("Schemalagt från förr"), Optional.of("Text."), Optional.of("Åsa Öberg"),
                    Optional.empty(), Optional.empty(), List.of(), Optional.of("2099-01-30"), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("published"));
            var posts = Wirings.on(dynamo.client(), "PostsTable-HiddenRandom").posts();
            for (var made : List.of(legacy.create(draft, AUTHOR, Optional.empty()), legacy.create(scheduled, AUTHOR, Optional.empty()))) {
                Post post = (Post) assertInstanceOf(Outcome.Done.class, made).value();
                assertNotEquals(Ids.ofSlug(post.slug()), post.id(), "a random id, found through the claim");
                for (Optional<String> reader : List.of(Optional.<String>empty(), Optional.of("0e9d8c7b-6a5f-4e4d-8c3b-2a1f0e9d8c7b"))) {
                    var refused = assertInstanceOf(Outcome.Refused.class, posts.get(post.slug(), reader), post.slug() + " for " + reader);
                    assertInstanceOf(Refusal.NotFound.class, refused.refusal());
                }
                assertEquals(post.id(), ((Post) assertInstanceOf(Outcome.Done.class, posts.get(post.slug(), Optional.of(AUTHOR))).value()).id(),
                        "its author still reads it");
            }
        }
    }

    private static Post created(PostService posts, String title) {
        return (Post) assertInstanceOf(Outcome.Done.class, posts.create(LegacyPosts.draft(title), AUTHOR, Optional.empty())).value();
    }
}
