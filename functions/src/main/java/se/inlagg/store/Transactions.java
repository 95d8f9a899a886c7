package se.inlagg.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import se.inlagg.ops.Log;
import se.inlagg.ops.Metrics;
import se.inlagg.posts.Backoff;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Runs one logical multi-item write as one TransactWriteItems: all of it or none of it.
 * Conflicts with other transactions are retried with jittered backoff inside a time budget;
 * failed conditions are handed back, because only the caller knows what they mean.
 */
public final class Transactions {

    /** How a transaction ended. */
    sealed interface Result {
        /** Every operation applied, for the write units DynamoDB says it consumed (0 where it says none). */
        record Committed(double units) implements Result {
        }

        /** Nothing applied: these operations' conditions did not hold (indexes into the request). */
        record ConditionsFailed(Set<Integer> operations) implements Result {
        }

        /**
         * Nothing applied: other writers or throttling kept winning until the budget ran out. A write DynamoDB said
         * was still in progress is asked after for {@link #SETTLE} at least; one still in progress then is logged
         * as of unknown outcome.
         */
        record Busy() implements Result {
        }
    }

    private static final Set<String> TRANSIENT = Set.of(
            "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    /**
     * How long past the budget a write DynamoDB answered "in progress" is asked after, with its own token,
     * until it has ended: giving up then would answer "nothing changed" for a write that may yet commit, and a
     * create retried on that would be made twice. A transaction ends in milliseconds; this is
     * short enough to stay within the writers' Lambda timeout after the budgets of Wiring.
     */
    static final Duration SETTLE = Duration.ofSeconds(1);

    private final Supplier<DynamoDbClient> client;
    private final Duration budget;

    public Transactions(DynamoDbClient client, Duration budget) {
        this(() -> client, budget);
    }

    /** With the client made on first use (see {@link Table#Table(String, Supplier)}). */
    public Transactions(Supplier<DynamoDbClient> client, Duration budget) {
        this.client = client;
        this.budget = budget;
    }

    Result write(List<TransactWriteItem> items) {
        Backoff backoff = Backoff.within(budget);
        // One token per write until DynamoDB cancels it: the SDK resends the same request (and token)
        // on a network retry, so a commit that happened but whose answer was lost is not applied twice.
        TransactWriteItemsRequest request = withNewToken(items);
        boolean inProgress = false;
        while (true) {
            try {
                var done = client.get().transactWriteItems(request);
                return new Result.Committed(done.consumedCapacity().stream()
                        .mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum());
            } catch (TransactionCanceledException e) {
                Set<Integer> failed = conditionFailures(e.cancellationReasons());
                if (!failed.isEmpty()) {
                    return new Result.ConditionsFailed(failed);
                }
                if (!isTransient(e.cancellationReasons())) {
                    throw e;
                }
                Metrics.count(Metrics.Event.WRITE_CONFLICTS);
                // A cancelled write applied nothing: the next attempt is a new request.
                request = withNewToken(items);
                inProgress = false;
            } catch (TransactionInProgressException e) {
                // This very request is still being applied (a resend of it overtook it): asked again with the
                // same token, DynamoDB answers how it ended. A new token would be a second write, which would
                // find the first one applied and fail its own conditions.
                Metrics.count(Metrics.Event.WRITE_CONFLICTS);
                if (!inProgress) {
                    inProgress = true;
                    backoff = backoff.orAtLeast(SETTLE);
                }
            }
            if (!backoff.pause()) {
                Log.warn(inProgress ? "transaction_outcome_unknown" : "transaction_gave_up", "attempts", backoff.attempts() + 1,
                        "items", items.size());
                return new Result.Busy();
            }
        }
    }

    /**
     * A write with nothing to answer but done or refused by its conditions: one that stays in conflict past
     * the budget ends the request as DynamoDB's throttling does, busy (503 with Retry-After), never as done.
     */
    Result writeOrBusy(List<TransactWriteItem> items) {
        Result result = write(items);
        if (result instanceof Result.Busy) {
            throw Table.busy("a transaction of " + items.size() + " items stayed in conflict past its budget");
        }
        return result;
    }

    private static TransactWriteItemsRequest withNewToken(List<TransactWriteItem> items) {
        // What it consumed is asked for (at no cost): an author's allowance is settled by it (WriteAllowance).
        return TransactWriteItemsRequest.builder().transactItems(items).clientRequestToken(UUID.randomUUID().toString())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }

    private static Set<Integer> conditionFailures(List<CancellationReason> reasons) {
        Set<Integer> failed = new HashSet<>();
        for (int i = 0; i < reasons.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                failed.add(i);
            }
        }
        return failed;
    }

    private static boolean isTransient(List<CancellationReason> reasons) {
        return reasons.isEmpty() || reasons.stream().anyMatch(r -> TRANSIENT.contains(r.code()));
    }
}
