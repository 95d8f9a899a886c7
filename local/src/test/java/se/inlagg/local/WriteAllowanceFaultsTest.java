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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.Refusal;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The write allowance where DynamoDB answers otherwise than the embedded one, which runs one request at a time: what
 * DynamoDB does there is injected, as FaultyDynamo does (from a review). The embedded DynamoDB alone, whatever backend
 * the other tests run on.
 */
@SameOnEveryBackend
class WriteAllowanceFaultsTest {

    final String TABLE = "PostsTable-AllowanceFaults-" + UUID.randomUUID();

    @TempDir
    Path data;

    /** What the wrapped client does to the next call, and what DynamoDB billed the write it let commit. */
    static final class Injected {
        final AtomicBoolean counterInTransaction = new AtomicBoolean();
        final AtomicReference<Double> billed = new AtomicReference<>(0.0);

        DynamoDbClient wrap(DynamoDbClient real) {
            return Intercepted.of(DynamoDbClient.class, real)
                    .before("updateItem", call -> {
                        if (counterInTransaction.getAndSet(false)) {
                            // Another of the author's writes (made at the same moment) is in its transaction on the hour's
                            // counter: DynamoDB refuses a plain UpdateItem of an item in a transaction with
                            // TransactionConflictException, which the SDK does not retry (AwsErrorCode names no conflict).
                            throw TransactionConflictException.builder().message("injected").statusCode(400)
                                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionConflictException")
                                            .serviceName("DynamoDb").errorMessage("injected").build()).build();
                        }
                    })
                    .after("transactWriteItems", answer -> billed.set(((TransactWriteItemsResponse) answer).consumedCapacity().stream()
                            .mapToDouble(ConsumedCapacity::capacityUnits).sum()))
                    .client();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    private record Setup(LocalDynamo dynamo, DynamoDbClient raw, Injected injected, PostService posts) implements AutoCloseable {
        static Setup start(Path data, String table, Instant now, long allowance) throws Exception {
            LocalDynamo dynamo = LocalDynamo.start(data);
            DynamoDbClient raw = dynamo.client();
            TableFromTemplate.ensure(raw, Template.read(Repo.template()), table);
            Injected injected = new Injected();
            var settings = Wirings.settings(table, allowance);
            return new Setup(dynamo, raw, injected, new Wiring(injected.wrap(raw), settings, Clock.fixed(now, ZoneOffset.UTC)).posts());
        }

        @Override
        public void close() throws Exception {
            raw.close();
            dynamo.close();
        }
    }

    /**
     * The top-up is a plain UpdateItem of the counter every write of the author's transacts on: made while another of
     * their writes is in its transaction, DynamoDB refuses it (TransactionConflictException), the SDK does not retry it,
     * and topUp logs and drops it. Writes made in parallel (a script) are what meet there.
     */
    @Test
    void aTopUpMetByAnotherWritesTransactionOnTheCounterIsNotLost() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(20));
        try (var s = Setup.start(data, TABLE, now, 100_000_000)) {
            Post created = done(s.posts().create(draft("Höstens långa protokoll", words(0)), AUTHOR, Optional.empty()));
            long before = WriteAllowances.used(s.raw(), TABLE, AUTHOR, now);
            s.injected().counterInTransaction.set(true);
            assertInstanceOf(Outcome.Done.class, s.posts().delete(created.slug(), Optional.empty(), AUTHOR));
            assertTrue(!s.injected().counterInTransaction.get(), "the top-up was made, and refused");
            double billed = s.injected().billed.get();
            long taken = WriteAllowances.used(s.raw(), TABLE, AUTHOR, now) - before;
            assertTrue(taken >= billed, "a delete whose top-up met another write's transaction still takes what DynamoDB billed it: "
                    + taken + " < " + billed);
        }
    }

    /**
     * README and WriteAllowance: "a post taken back to draft is counted but never refused", so an author whose hour
     * someone else spent can take their posts down. Taken back by PATCH {"status":"draft"} (EditPostHandler) or the edit
     * form, it goes through PostService.edit, which always hands the repository a body, so takingDown is false and it is
     * refused.
     */
    @Test
    void aPostTakenBackToDraftByAnEditIsNotRefused() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(20));
        try (var s = Setup.start(data, TABLE, now, 6_000)) {
            PostService posts = s.posts();
            Post created = done(posts.create(draft("Höstens långa protokoll", "Kort."), AUTHOR, Optional.empty()));
            Post stored = done(posts.getToChange(created.slug(), AUTHOR));
            // Someone else (a leaked token) spent the author's hour: its counter is at the allowance.
            s.raw().updateItem(r -> r.tableName(TABLE).key(Map.of(
                            "PK", AttributeValue.fromS("RATE#writes#" + AUTHOR),
                            "SK", AttributeValue.fromS("HOUR#" + now.getEpochSecond() / 3600)))
                    .updateExpression("SET used = :all").expressionAttributeValues(Map.of(":all",
                            AttributeValue.fromN("6000"))));
            assertInstanceOf(Refusal.AllowanceSpent.class, assertInstanceOf(Outcome.Refused.class,
                    posts.addTags(created.slug(), List.of("Ekonomi"), Optional.empty(), AUTHOR)).refusal(), "the hour is spent");
            var toDraft = new PostDraft(Optional.of(stored.summary().title()), Optional.of("Kort."), Optional.of("Åsa Öberg"),
                    Optional.empty(), Optional.empty(), List.of("Protokoll"), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("draft"));
            Outcome<Post> takenBack = posts.edit(stored, toDraft, AUTHOR);
            assertInstanceOf(Outcome.Done.class, takenBack, "taken back to draft in a spent hour: " + takenBack);
        }
    }
}
