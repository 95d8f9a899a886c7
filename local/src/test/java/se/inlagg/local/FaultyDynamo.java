package se.inlagg.local;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A DynamoDB client that fails on purpose. The embedded DynamoDB runs writes one at a time, so the
 * conflict and throttling paths are reached by injecting those failures, not by hoping for a race.
 */
final class FaultyDynamo {

    /**
     * FAIL_LAST_OPERATION: an operation at the end whose condition cannot hold (a counter another write changed, say);
     * FAIL_FIRST_OPERATION: the same ahead of the others, where a change of the post's own item is (another writer changed the post).
     */
    enum Fault { NONE, CONFLICT, FAIL_LAST_OPERATION, FAIL_FIRST_OPERATION, THROTTLE }

    final AtomicInteger faultsLeft = new AtomicInteger();
    volatile Fault fault = Fault.NONE;
    final AtomicInteger transactions = new AtomicInteger();

    DynamoDbClient wrap(DynamoDbClient real, String table) {
        return Intercepted.of(DynamoDbClient.class, real).replace("transactWriteItems", call -> {
            var r = (TransactWriteItemsRequest) call.request();
            transactions.incrementAndGet();
            if (faultsLeft.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
                return switch (fault) {
                    case CONFLICT -> throw conflict(r.transactItems().size());
                    case THROTTLE -> throw ProvisionedThroughputExceededException.builder().message("injected").statusCode(400)
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                                    .serviceName("DynamoDb").errorMessage("injected").build())
                            .build();
                    case FAIL_LAST_OPERATION -> call.proceedWith(failing(r, table, false));
                    case FAIL_FIRST_OPERATION -> call.proceedWith(failing(r, table, true));
                    case NONE -> call.proceed();
                };
            }
            return call.proceed();
        }).client();
    }

    private static TransactionCanceledException conflict(int operations) {
        var reasons = new ArrayList<CancellationReason>();
        for (int i = 0; i < operations; i++) {
            reasons.add(CancellationReason.builder().code(i == 0 ? "TransactionConflict" : "None").build());
        }
        return TransactionCanceledException.builder().message("injected conflict").cancellationReasons(reasons).build();
    }

    /** The real write with one more operation, first or last, whose condition cannot hold. */
    private static TransactWriteItemsRequest failing(TransactWriteItemsRequest r, String table, boolean first) {
        var items = new ArrayList<>(r.transactItems());
        items.add(first ? 0 : items.size(), TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table)
                .key(Map.of("PK", AttributeValue.fromS("NO#SUCH"), "SK", AttributeValue.fromS("ITEM")))
                .conditionExpression("attribute_exists(PK)")
                .build()).build());
        return r.toBuilder().transactItems(items).build();
    }
}
