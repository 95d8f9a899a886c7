package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.posts.Ids;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Tag;

/**
 * An author's page reads the session and the post by its slug in one call (Wiring.withSessionAndSlug),
 * and what it read stands in for exactly one read of each: a second read, after a change, sees the
 * table as it is then, and nothing read ahead outlives the request. A read by slug finds the post in
 * the claim's own call, because a post's id is named by its slug; a post created before that, with a
 * random id, is read, changed and deleted as before, one call more. Counted on either backend.
 */
class ReadAheadTest {

    static final String AUTHOR = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    static final String SESSION = "read-ahead-session-of-the-author";

    @TempDir
    Path data;

    @Test
    void theSessionAndTheSlugAreOneCallAndEachIsTakenOnce() throws Exception {
        try (var dynamo = DynamoForTests.start(data)) {
            dynamo.createTable(Template.read(Repo.template()), "PostsTable-ReadAhead");
            var meter = new MeteredDynamo();
            var wiring = new Wiring(meter.client(dynamo.endpoint()), new Settings("PostsTable-ReadAhead", ZoneId.of("Europe/Stockholm")),
                    Clock.systemUTC());
            Instant now = Clock.systemUTC().instant();
            Post post = (Post) assertInstanceOf(Outcome.Done.class, wiring.posts().create(new PostDraft(Optional.of("Månadsmöte i Ystad"),
                    Optional.of("Text."), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(), List.of("Frivård"),
                    Optional.of("2019-01-30"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("draft")), AUTHOR, Optional.empty())).value();
            wiring.sessions().begin(AUTHOR, SESSION, "csrf", now);
            meter.reset();

            wiring.withSessionAndSlug(Optional.of(SESSION), Optional.of(post.slug()), () -> {
                assertEquals(AUTHOR, wiring.sessions().find(SESSION, now).orElseThrow().authorId());
                assertInstanceOf(Outcome.Done.class, wiring.posts().getToChange(post.slug(), AUTHOR));
                wiring.sessions().signOut(SESSION);
                assertTrue(wiring.sessions().find(SESSION, now).isEmpty(), "the second read of the session saw the one read ahead");
                return null;
            });
            assertEquals(List.of("BatchGetItem", "DeleteItem", "Query"), meter.reset().operations(),
                    "one call for the session, the slug and the post; the session read again after it changed");

            wiring.sessions().begin(AUTHOR, SESSION, "csrf", now);
            meter.reset();
            wiring.withSessionAndSlug(Optional.of(SESSION), Optional.of("ingen-sadan-post"), () -> {
                var refused = assertInstanceOf(Outcome.Refused.class, wiring.posts().getToChange("ingen-sadan-post", AUTHOR));
                assertInstanceOf(Refusal.NotFound.class, refused.refusal());
                return null;
            });
            assertEquals(List.of("BatchGetItem"), meter.reset().operations(), "a slug nobody has is known missing from the one call");
            assertTrue(wiring.sessions().find(SESSION, now).isPresent());
            assertEquals(List.of("Query"), meter.reset().operations(), "nothing read ahead outlives the request");
        }
    }

    @Test
    void aPostIsReadBySlugInOneCallAndOneWithARandomIdInTwo() throws Exception {
        try (var dynamo = DynamoForTests.start(data)) {
            dynamo.createTable(Template.read(Repo.template()), "PostsTable-Ids");
            var meter = new MeteredDynamo();
            var settings = new Settings("PostsTable-Ids", ZoneId.of("Europe/Stockholm"));
            var wiring = new Wiring(meter.client(dynamo.endpoint()), settings, Clock.systemUTC());
            Post named = (Post) assertInstanceOf(Outcome.Done.class,
                    wiring.posts().create(LegacyPosts.draft("Månadsmöte i Ystad"), AUTHOR, Optional.empty())).value();
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
                assertEquals(old ? List.of("BatchGetItem", "Query") : List.of("BatchGetItem"), meter.reset().operations(), post.slug());

                var tagged = (PostSummary) assertInstanceOf(Outcome.Done.class,
                        wiring.posts().addTags(post.slug(), List.of("Ekonomi"), AUTHOR)).value();
                assertEquals(List.of("Frivård", "Ekonomi"), tagged.tags().stream().map(Tag::name).toList());
                assertEquals(old ? List.of("BatchGetItem", "Query", "TransactWriteItems") : List.of("BatchGetItem", "TransactWriteItems"),
                        meter.reset().operations(), "the post and the new category's counter in one call, then the write: " + post.slug());

                assertInstanceOf(Outcome.Done.class, wiring.posts().delete(post.slug(), Optional.empty(), AUTHOR));
                var gone = assertInstanceOf(Outcome.Refused.class, wiring.posts().get(post.slug(), Optional.of(AUTHOR)));
                assertInstanceOf(Refusal.NotFound.class, gone.refusal());
                meter.reset();
            }
            Post next = (Post) assertInstanceOf(Outcome.Done.class,
                    wiring.posts().create(LegacyPosts.draft("Månadsmöte i Ystad"), AUTHOR, Optional.empty())).value();
            assertEquals("manadsmote-i-ystad-3", next.slug(), "a deleted post's slug is not given again");
        }
    }
}
