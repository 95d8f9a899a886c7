package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Which request a write sends again. DynamoDB tells a repeat from a new write by its
 * ClientRequestToken: the same token asks how a write ended, a new one writes again. (The embedded
 * emulator keeps tokens as DynamoDB does, LocalStack's does not, so this is checked here, on the
 * requests themselves.)
 */
class TransactionsTest {

    private static final List<TransactWriteItem> ITEMS = List.of(TransactWriteItem.builder()
            .put(Put.builder().tableName("Posts").item(Map.of("PK", AttributeValue.fromS("POST#1"), "SK", AttributeValue.fromS("POST")))
                    .build()).build());

    private final Answers dynamo = new Answers();
    private final Transactions transactions = new Transactions(dynamo, Duration.ofSeconds(5));

    @Test
    void aWriteStillInProgressIsAskedAgainWithItsOwnToken() {
        dynamo.next.add(TransactionInProgressException.builder().message("in progress").build());

        assertInstanceOf(Transactions.Result.Committed.class, transactions.write(ITEMS));

        assertEquals(2, dynamo.tokens.size());
        assertEquals(dynamo.tokens.get(0), dynamo.tokens.get(1),
                "a new token would be a second write, failing its conditions on the first one's items");
    }

    /** With the budget spent, a write that may yet commit is not answered "busy, nothing changed". */
    @Test
    void aWriteStillInProgressWhenTheBudgetRunsOutIsAskedUntilItHasEnded() {
        dynamo.next.add(TransactionInProgressException.builder().message("in progress").build());

        assertInstanceOf(Transactions.Result.Committed.class, new Transactions(dynamo, Duration.ZERO).write(ITEMS));

        assertEquals(2, dynamo.tokens.size());
        assertEquals(dynamo.tokens.get(0), dynamo.tokens.get(1));
    }

    @Test
    void aCancelledWriteAppliedNothingAndIsSentAgainAsANewOne() {
        dynamo.next.add(TransactionCanceledException.builder().message("conflict")
                .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build()).build());

        assertInstanceOf(Transactions.Result.Committed.class, transactions.write(ITEMS));

        assertEquals(2, dynamo.tokens.size());
        assertNotEquals(dynamo.tokens.get(0), dynamo.tokens.get(1));
    }

    /**
     * DynamoDB cancels a transaction whose items are throttled with the reason ThrottlingError (not the
     * SDK's throttling exception, which its own retries handle): nothing applied, so it is tried again
     * like a conflict, and a writer meets a short wait, not a 500.
     */
    @Test
    void aWriteCancelledBecauseItsItemsWereThrottledIsSentAgainAsANewOne() {
        dynamo.next.add(cancelled("ThrottlingError", "None"));

        assertInstanceOf(Transactions.Result.Committed.class, transactions.write(ITEMS));

        assertEquals(2, dynamo.tokens.size());
        assertNotEquals(dynamo.tokens.get(0), dynamo.tokens.get(1));
    }

    /**
     * So is one whose items passed a partition's throughput (ProvisionedThroughputExceeded, which an on-demand table meets
     * too) or the account's request limit (RequestLimitExceeded): each passes in a moment, and a writer meets a short
     * wait, not a 500.
     */
    @Test
    void aWriteCancelledForThroughputOrTheAccountsRequestLimitIsSentAgainAsANewOne() {
        dynamo.next.add(cancelled("None", "ProvisionedThroughputExceeded"));
        dynamo.next.add(cancelled("RequestLimitExceeded"));

        assertInstanceOf(Transactions.Result.Committed.class, transactions.write(ITEMS));

        assertEquals(3, dynamo.tokens.size());
        assertEquals(3, Set.copyOf(dynamo.tokens).size(), "each a new request");
    }

    /** A cancellation that names no reason applied nothing either: it is tried again, not answered as an error. */
    @Test
    void aWriteCancelledWithNoReasonGivenIsTriedAgain() {
        dynamo.next.add(TransactionCanceledException.builder().message("cancelled").build());

        assertInstanceOf(Transactions.Result.Committed.class, transactions.write(ITEMS));

        assertEquals(2, dynamo.tokens.size());
    }

    /** A cancellation that no attempt can change (an item too large, say) is thrown at once, never sent again. */
    @Test
    void aWriteCancelledForAReasonThatWillNotPassIsNotSentAgain() {
        dynamo.next.add(cancelled("ValidationError"));

        assertThrows(TransactionCanceledException.class, () -> transactions.write(ITEMS));

        assertEquals(1, dynamo.tokens.size());
    }

    /** Failed conditions are handed back by their places in the request: the caller tells a taken slug from a stale version by them. */
    @Test
    void theOperationsWhoseConditionsFailedAreNamedByTheirPlaceInTheRequest() {
        dynamo.next.add(cancelled("None", "ConditionalCheckFailed", "None", "ConditionalCheckFailed"));

        var failed = assertInstanceOf(Transactions.Result.ConditionsFailed.class, transactions.write(ITEMS));

        assertEquals(Set.of(1, 3), failed.operations());
        assertEquals(1, dynamo.tokens.size(), "a failed condition is not retried");
    }

    /** A write still in conflict past its budget ends as busy (503 with Retry-After), never as done. */
    @Test
    void aWriteThatStaysInConflictPastItsBudgetIsBusy() {
        for (int i = 0; i < 50; i++) {
            dynamo.next.add(cancelled("TransactionConflict"));
        }
        Transactions noTime = new Transactions(dynamo, Duration.ZERO);

        assertInstanceOf(Transactions.Result.Busy.class, noTime.write(ITEMS));
        assertThrows(ProvisionedThroughputExceededException.class,
                () -> noTime.writeOrBusy(ITEMS), "answered as throttling is, busy, never as committed");
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder().message("cancelled").cancellationReasons(
                Arrays.stream(codes).map(c -> CancellationReason.builder().code(c).build()).toList()).build();
    }

    /** Throws what it is given, in turn, then commits; keeps each request's token. */
    private static final class Answers implements DynamoDbClient {

        final Deque<RuntimeException> next = new ArrayDeque<>();
        final List<String> tokens = new ArrayList<>();

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            tokens.add(request.clientRequestToken());
            if (!next.isEmpty()) {
                throw next.poll();
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
