package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.WriteAllowances.AUTHOR;
import static se.inlagg.local.WriteAllowances.draft;
import static se.inlagg.local.WriteAllowances.words;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostService;

/**
 * What the allowance takes for a write is what DynamoDB bills it (the embedded one counts capacity by DynamoDB's
 * published rules; LocalStack's does not, so this runs on the embedded one alone): never less, so a token cannot write
 * more than the allowance says, and not much more, so an author is not refused early.
 */
@SameOnEveryBackend
class WriteAllowanceEstimateTest {

    static final String TABLE = "PostsTable-AllowanceEstimate";

    @TempDir
    Path data;

    @Test
    void eachWriteTakesWhatDynamoDbBillsForIt() throws Exception {
        // The embedded one itself, not DynamoForTests, which would name the backend chosen for the others.
        try (LocalDynamo dynamo = LocalDynamo.start(data)) {
            try (var admin = dynamo.client()) {
                TableFromTemplate.ensure(admin, Template.read(Repo.template()), TABLE);
            }
            var meter = new MeteredDynamo();
            var raw = meter.client(dynamo.endpoint());
            Instant now = Instant.now();
            var settings = new Settings(TABLE, ZoneId.of("Europe/Stockholm"), Optional.empty(), Optional.empty(), 1_000_000);
            PostService posts = new Wiring(raw, settings, Clock.fixed(now, ZoneOffset.UTC)).posts();
            List<String> seen = new ArrayList<>();
            Post created = measured(seen, "a create of 45 KB", raw, now, meter,
                    () -> posts.create(draft("Höstens långa protokoll", words(0)), AUTHOR, Optional.empty()));
            Post edited = measured(seen, "an edit of it", raw, now, meter, () -> posts.edit(created, draft("Höstens långa protokoll", words(1)), AUTHOR));
            measured(seen, "a short edit", raw, now, meter, () -> posts.edit(edited, draft("Höstens korta protokoll", "Kort."), AUTHOR));
            measured(seen, "a category added", raw, now, meter, () -> posts.addTags(created.slug(), List.of("Ekonomi", "Öst"), Optional.empty(), AUTHOR));
            // A delete is billed for the items it removes as large as they were, which the write does not know: what was
            // taken for writing them bounds it.
            long before = WriteAllowances.used(raw, TABLE, AUTHOR, now);
            meter.reset();
            assertInstanceOf(Outcome.Done.class, posts.delete(created.slug(), Optional.empty(), AUTHOR));
            var delete = meter.reset();
            seen.add("a delete " + (WriteAllowances.used(raw, TABLE, AUTHOR, now) - before) + "/" + delete.writeUnits());
            assertTrue(delete.writeUnits() <= WriteAllowances.used(raw, TABLE, AUTHOR, now) - before + 2 * 2 * 45 * 2 * 2,
                    "a delete is billed for the post's text and HTML and its one version, and little more: " + delete);
            System.out.println("write units, taken and billed: " + String.join("; ", seen));
        }
    }

    private static <T> T measured(List<String> seen, String what, software.amazon.awssdk.services.dynamodb.DynamoDbClient raw,
                                  Instant now, MeteredDynamo meter, Supplier<Outcome<T>> write) {
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
