package se.inlagg.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Failure counts per client in fixed windows, counted with ADD so concurrent failures all count.
 * Items expire by TTL with their window; the window is also checked on read.
 */
public final class RateLimitStore {

    static final String FAILURES = "failures";
    static final String WINDOW_ENDS = "windowEnds";

    /** A client's failures in its current window. */
    public record Window(long failures, Instant endsAt) {
    }

    private final Table table;

    public RateLimitStore(Table table) {
        this.table = table;
    }

    public Optional<Window> current(String scope, String clientSha256, Instant now) {
        return table.get(Keys.rateLimit(scope, clientSha256), Keys.RATE_SK)
                .map(d -> new Window(d.number(FAILURES), Instant.ofEpochSecond(d.number(WINDOW_ENDS))))
                .filter(w -> w.endsAt().isAfter(now));
    }

    /**
     * Counts one failure: in the open window, or in a new one starting now. The new window is opened only
     * where none is open, so two first failures at once both count (from a review: each wrote a count of
     * one); the one that finds a window opened meanwhile adds to it.
     */
    public void countFailure(String scope, String clientSha256, Instant now, Duration window) {
        var key = Table.key(Keys.rateLimit(scope, clientSha256), Keys.RATE_SK);
        Map<String, String> names = Map.of("#failures", FAILURES, "#ends", WINDOW_ENDS);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                table.client().updateItem(r -> r.tableName(table.name()).key(key)
                        .updateExpression("ADD #failures :one")
                        .conditionExpression("#ends > :now")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(Map.of(":one", Item.n(1), ":now", Item.n(now.getEpochSecond()))));
                return;
            } catch (ConditionalCheckFailedException noOpenWindow) {
                // None open: open one below.
            }
            long ends = now.plus(window).getEpochSecond();
            try {
                table.client().putItem(r -> r.tableName(table.name()).item(Item.builder()
                                .key(Keys.rateLimit(scope, clientSha256), Keys.RATE_SK)
                                .n(FAILURES, 1).n(WINDOW_ENDS, ends).n(Keys.EXPIRES_AT, ends).build())
                        .conditionExpression("attribute_not_exists(#ends) OR #ends <= :now")
                        .expressionAttributeNames(Map.of("#ends", WINDOW_ENDS))
                        .expressionAttributeValues(Map.of(":now", Item.n(now.getEpochSecond()))));
                return;
            } catch (ConditionalCheckFailedException openedMeanwhile) {
                // Another failure opened it first: add to it.
            }
        }
    }
}
