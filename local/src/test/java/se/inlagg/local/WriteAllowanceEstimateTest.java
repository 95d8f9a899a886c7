package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.WriteAllowances.AUTHOR;
import static se.inlagg.local.WriteAllowances.draft;
import static se.inlagg.local.WriteAllowances.words;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the allowance takes for a write is what DynamoDB bills it (the embedded one counts capacity by DynamoDB's
 * published rules; LocalStack's does not, so this runs on the embedded one alone): never less, so a token cannot write
 * more than the allowance says (what the estimate misses, the transaction's consumed capacity adds), and not much more,
 * so an author is not refused early.
 */
@SameOnEveryBackend
class WriteAllowanceEstimateTest {

    static final String TABLE = "PostsTable-AllowanceEstimate";

    @TempDir
    Path data;

    /** The embedded DynamoDB with the template's table, and a client that meters what each call consumes. */
    private record Metered(LocalDynamo dynamo, MeteredDynamo meter, DynamoDbClient raw, PostService posts) implements AutoCloseable {
        static Metered start(Path data, Instant now) throws Exception {
            // The embedded one itself, not DynamoForTests, which would name the backend chosen for the others.
            LocalDynamo dynamo = LocalDynamo.start(data);
            try (var admin = dynamo.client()) {
                TableFromTemplate.ensure(admin, Template.read(Repo.template()), TABLE);
            }
            var meter = new MeteredDynamo();
            var raw = meter.client(dynamo.endpoint());
            var settings = Wirings.settings(TABLE, 100_000_000);
            return new Metered(dynamo, meter, raw, new Wiring(raw, settings, Clock.fixed(now, ZoneOffset.UTC)).posts());
        }

        @Override
        public void close() throws Exception {
            raw.close();
            dynamo.close();
        }
    }

    @Test
    void eachWriteTakesWhatDynamoDbBillsForIt() throws Exception {
        Instant now = Instant.now();
        try (var m = Metered.start(data, now)) {
            PostService posts = m.posts();
            List<String> seen = new ArrayList<>();
            Post created = measured(seen, "a create of 45 KB", m, now,
                    () -> posts.create(draft("Höstens långa protokoll", words(0)), AUTHOR, Optional.empty()));
            Post edited = measured(seen, "an edit of it", m, now, () -> posts.edit(created, draft("Höstens långa protokoll", words(1)), AUTHOR));
            measured(seen, "a short edit", m, now, () -> posts.edit(edited, draft("Höstens korta protokoll", "Kort."), AUTHOR));
            measured(seen, "a category added", m, now, () -> posts.addTags(created.slug(), List.of("Ekonomi", "Öst"), Optional.empty(), AUTHOR));
            // A delete is billed for the items it removes as large as they were, which the write does not know before:
            // what DynamoDB says the transaction consumed settles it.
            measured(seen, "a delete", m, now, () -> posts.delete(created.slug(), Optional.empty(), AUTHOR));
            System.out.println("write units, taken and billed: " + String.join("; ", seen));
        }
    }

    /**
     * A counter's list of the scheduled posts waiting in it grows with each, and DynamoDB bills an update of it at its
     * size, in the table and in GSI1, which projects the list: 400 posts scheduled in one category and month made a
     * create billed 298 units where the estimate, a counter being taken as 1 KB, took 42 (from a review).
     */
    @Test
    void aWriteTouchingCountersGrownByScheduledPostsTakesWhatDynamoDbBills() throws Exception {
        Instant now = Instant.now();
        try (var m = Metered.start(data, now)) {
            Instant at = now.plus(Duration.ofDays(3));
            for (int i = 0; i < 400; i++) {
                assertInstanceOf(Outcome.Done.class, m.posts().create(scheduled("Planerat protokoll nummer " + i, at), AUTHOR, Optional.empty()));
            }
            List<String> seen = new ArrayList<>();
            measured(seen, "one more scheduled create", m, now, () -> m.posts().create(scheduled("Planerat protokoll sist", at), AUTHOR, Optional.empty()));
            System.out.println("write units, taken and billed: " + String.join("; ", seen));
        }
    }

    static PostDraft scheduled(String title, Instant at) {
        return new PostDraft(Optional.of(title), Optional.of("Kort."), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(),
                List.of("Protokoll"), Optional.of(at.toString()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("published"));
    }

    private static <T> T measured(List<String> seen, String what, Metered m, Instant now, Supplier<Outcome<T>> write) {
        DynamoDbClient raw = m.raw();
        MeteredDynamo meter = m.meter();
        long before = WriteAllowances.used(raw, TABLE, AUTHOR, now);
        meter.reset();
        @SuppressWarnings("unchecked")
        T done = ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, write.get())).value();
        var cost = meter.reset();
        long taken = WriteAllowances.used(raw, TABLE, AUTHOR, now) - before;
        double billed = cost.writeUnits();
        seen.add(what + " " + taken + "/" + billed);
        assertTrue(cost.operations().contains("TransactWriteItems"), what + ": " + cost);
        assertTrue(taken >= billed, what + ": takes at least what DynamoDB bills, " + taken + " < " + billed);
        // A small write's own index entries are counted as moved, before and after, where one may not have: a few units.
        assertTrue(taken <= billed * 1.25 + 16, what + ": and not much more, " + taken + " > " + billed);
        return done;
    }
}
