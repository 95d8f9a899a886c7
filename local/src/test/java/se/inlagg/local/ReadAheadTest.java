package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.Refusal;

/**
 * An author's page reads the session and the post by its slug in one call (Wiring.withSessionAndSlug),
 * and what it read stands in for exactly one read of each: a second read, after a change, sees the
 * table as it is then, and nothing read ahead outlives the request. Counted on either backend.
 */
class ReadAheadTest {

    static final String AUTHOR = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    static final String SESSION = "read-ahead-session-of-the-author";

    @TempDir
    Path data;

    @Test
    void theSessionAndTheSlugAreOneCallAndEachIsTakenOnce() throws Exception {
        try (var dynamo = DynamoForTests.start(data)) {
            dynamo.createTable("PostsTable-ReadAhead");
            var meter = new MeteredDynamo();
            var wiring = Wirings.on(meter.client(dynamo.endpoint()), "PostsTable-ReadAhead");
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
                wiring.sessions().signOut(SESSION, AUTHOR);
                assertTrue(wiring.sessions().find(SESSION, now).isEmpty(), "the second read of the session saw the one read ahead");
                return null;
            });
            assertEquals(List.of("BatchGetItem", "TransactWriteItems", "Query"), meter.reset().operations(),
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
}
