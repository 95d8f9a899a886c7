package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ScheduledCountsTest.done;
import static se.inlagg.local.WriteAllowances.AUTHOR;
import static se.inlagg.local.WriteAllowances.draft;
import static se.inlagg.local.WriteAllowances.words;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.posts.IdempotentRequest;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostService;
import se.inlagg.posts.Refusal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An author's writes in a clock hour are bounded (the stack's AuthorWriteUnitsPerHour): past it, a write is refused
 * whole, with when to try again, and nothing of it is stored; another author writes on, the next hour takes it, and a
 * create sent again is still answered with the post it made. On DynamoDB (embedded, or LocalStack with
 * -Dinlagg.backend=localstack), as the functions write.
 */
class WriteAllowanceTest {

    /** A table of each test's own: on LocalStack the tests share one endpoint, and an hour's counter would carry over. */
    final String TABLE = "PostsTable-Allowance-" + UUID.randomUUID();
    static final String OTHER = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
    static final long ALLOWANCE = 6_000;

    @TempDir
    Path data;

    @Test
    void anAuthorPastTheHoursAllowanceIsRefusedWholeUntilTheNextHourAndNoOtherIs() throws Exception {
        Instant twentyPast = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(20));
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            Settings settings = Wirings.settings(TABLE, ALLOWANCE);
            PostService posts = new Wiring(raw, settings, Clock.fixed(twentyPast, ZoneOffset.UTC)).posts();
            var key = new IdempotentRequest("a".repeat(64), "b".repeat(64));
            Post created = done(posts.create(draft("Höstens långa protokoll", words(0)), AUTHOR, Optional.of(key)));
            long charged = WriteAllowances.used(raw, TABLE, AUTHOR, twentyPast);
            assertTrue(charged >= 2 * 2 * 45, "a create of a 45 KB text takes its size and its HTML's, twice in a transaction: " + charged);

            // Edits of the long text, each different, until the hour's allowance is spent.
            Post current = created;
            int edits = 0;
            Outcome<Post> refused;
            while (true) {
                Outcome<Post> edit = posts.edit(current, draft("Höstens långa protokoll", words(++edits)), AUTHOR);
                if (edit instanceof Outcome.Refused<Post>) {
                    refused = edit;
                    break;
                }
                current = done(edit);
                long now = WriteAllowances.used(raw, TABLE, AUTHOR, twentyPast);
                assertTrue(now > charged && now <= ALLOWANCE, "each edit takes its units, and the hour never passes the allowance: " + now);
                charged = now;
                assertTrue(edits < 100, "6,000 units run out within a hundred edits of some 50 KB");
            }
            var spent = assertInstanceOf(Refusal.AllowanceSpent.class, ((Outcome.Refused<Post>) refused).refusal());
            assertEquals(Duration.ofMinutes(40), spent.retryAfter(), "the rest of the clock hour");
            assertTrue(edits >= 10, "an edit of some 50 KB (its text, its HTML and the version kept) takes some 320 units, so some 18 go: " + edits);
            assertEquals(charged, WriteAllowances.used(raw, TABLE, AUTHOR, twentyPast), "a refused write takes nothing");
            Post stored = done(posts.getToChange(created.slug(), AUTHOR));
            assertEquals(current.version(), stored.version(), "nothing of the refused edit is stored");
            assertEquals(current.body(), stored.body());
            assertEquals(edits - 1, PostVersionsTest.versionItems(raw, created.id(), TABLE), "an earlier version for each edit that went, none more");

            // Counted in units, not writes: a category added, a few units, still fits in what the hour has left.
            done(posts.addTags(created.slug(), List.of("Ekonomi"), Optional.empty(), AUTHOR));
            assertTrue(WriteAllowances.used(raw, TABLE, AUTHOR, twentyPast) <= ALLOWANCE);
            stored = done(posts.getToChange(created.slug(), AUTHOR));
            // The create sent again (a lost answer, retried) is answered with the post it made: it writes nothing.
            assertEquals(created.id(), done(posts.create(draft("Höstens långa protokoll", words(0)), AUTHOR, Optional.of(key))).id());
            // Another author's hour is their own.
            done(posts.create(draft("Fika på fredag", "Välkomna!"), OTHER, Optional.empty()));
            // Small changes until even they are refused: then the hour is spent for any write.
            boolean spentForAll = false;
            for (int i = 0; i < 200 && !spentForAll; i++) {
                Outcome<?> small = i % 2 == 0 ? posts.removeTag(created.slug(), "ekonomi", Optional.empty(), AUTHOR)
                        : posts.addTags(created.slug(), List.of("Ekonomi"), Optional.empty(), AUTHOR);
                spentForAll = small instanceof Outcome.Refused<?> r && r.refusal() instanceof Refusal.AllowanceSpent;
            }
            assertTrue(spentForAll, "small changes run out too");
            // Taking a post down is never refused: an author whose hour someone else spent can take down what they wrote.
            done(posts.unpublish(created.slug(), AUTHOR, Optional.empty()));
            stored = done(posts.getToChange(created.slug(), AUTHOR));

            PostService nextHour = new Wiring(raw, settings, Clock.fixed(twentyPast.plus(Duration.ofHours(1)), ZoneOffset.UTC)).posts();
            Post edited = done(nextHour.edit(stored, draft("Höstens långa protokoll", words(edits)), AUTHOR));
            assertEquals(stored.version() + 1, edited.version(), "the next hour takes it");
            assertInstanceOf(Outcome.Done.class, posts.delete(created.slug(), Optional.empty(), AUTHOR), "and a delete in the spent hour");
        }
    }

    /** An allowance set below what one long post takes never makes that post impossible to save: a new hour takes it. */
    @Test
    void aWriteLargerThanTheWholeAllowanceStillGoesInAnHourNotWrittenIn() throws Exception {
        Instant twentyPast = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(20));
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            Settings settings = Wirings.settings(TABLE, 100);
            PostService posts = new Wiring(raw, settings, Clock.fixed(twentyPast, ZoneOffset.UTC)).posts();
            Post created = done(posts.create(draft("Höstens långa protokoll", words(0)), AUTHOR, Optional.empty()));
            assertTrue(WriteAllowances.used(raw, TABLE, AUTHOR, twentyPast) > 100, "taken whole, past the allowance");
            assertInstanceOf(Refusal.AllowanceSpent.class, assertInstanceOf(Outcome.Refused.class,
                    posts.addTags(created.slug(), List.of("Ekonomi"), Optional.empty(), AUTHOR)).refusal(), "the hour is spent");
        }
    }

    /**
     * The allowance is what an author may write, not a little less: a write that takes exactly what the hour has left
     * goes, and leaves the hour spent to the unit.
     */
    @Test
    void aWriteThatExactlyFillsTheHoursAllowanceGoes() throws Exception {
        Instant twentyPast = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(20));
        Instant nextHour = twentyPast.plus(Duration.ofHours(1));
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            Settings settings = Wirings.settings(TABLE, ALLOWANCE);
            PostService posts = new Wiring(raw, settings, Clock.fixed(twentyPast, ZoneOffset.UTC)).posts();
            PostService later = new Wiring(raw, settings, Clock.fixed(nextHour, ZoneOffset.UTC)).posts();
            Post created = done(posts.create(draft("Fika på fredag", "Välkomna!"), AUTHOR, Optional.empty()));
            // What a category added to this short post takes, once the category has been in use (its first use
            // also writes the category).
            done(posts.addTags(created.slug(), List.of("Ekonomi"), Optional.empty(), AUTHOR));
            done(posts.removeTag(created.slug(), "ekonomi", Optional.empty(), AUTHOR));
            long before = WriteAllowances.used(raw, TABLE, AUTHOR, twentyPast);
            done(posts.addTags(created.slug(), List.of("Ekonomi"), Optional.empty(), AUTHOR));
            long addTakes = WriteAllowances.used(raw, TABLE, AUTHOR, twentyPast) - before;
            done(posts.removeTag(created.slug(), "ekonomi", Optional.empty(), AUTHOR));

            // The next hour has exactly that left: the same change goes, and the hour is then spent to the unit.
            WriteAllowances.setUsed(raw, TABLE, AUTHOR, nextHour, ALLOWANCE - addTakes);
            done(later.addTags(created.slug(), List.of("Ekonomi"), Optional.empty(), AUTHOR));
            assertEquals(ALLOWANCE, WriteAllowances.used(raw, TABLE, AUTHOR, nextHour), "the hour is spent to the unit, not past it");
            assertInstanceOf(Refusal.AllowanceSpent.class, assertInstanceOf(Outcome.Refused.class,
                    later.removeTag(created.slug(), "ekonomi", Optional.empty(), AUTHOR)).refusal(), "and the next write is refused");
        }
    }

    @Test
    void withoutAnAllowanceNothingIsCounted() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient raw = dynamo.client()) {
            dynamo.createTable(TABLE);
            Instant now = Instant.now();
            PostService posts = Wirings.on(raw, TABLE, Clock.fixed(now, ZoneOffset.UTC)).posts();
            Post created = done(posts.create(draft("Höstens långa protokoll", words(0)), AUTHOR, Optional.empty()));
            done(posts.edit(created, draft("Höstens långa protokoll", words(1)), AUTHOR));
            assertEquals(0, WriteAllowances.used(raw, TABLE, AUTHOR, now), "no counter is written where the allowance is 0");
        }
    }
}
