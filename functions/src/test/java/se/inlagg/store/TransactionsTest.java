package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
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
