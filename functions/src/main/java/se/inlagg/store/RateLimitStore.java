package se.inlagg.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
                .map(d -> new Window(d.getNumber(FAILURES).longValue(), Instant.ofEpochSecond(d.getNumber(WINDOW_ENDS).longValue())))
                .filter(w -> w.endsAt().isAfter(now));
    }

    /** Counts one failure: in the open window, or in a new one starting now. */
    public void countFailure(String scope, String clientSha256, Instant now, java.time.Duration window) {
        var key = Map.of(Keys.PK, AttributeValue.fromS(Keys.rateLimit(scope, clientSha256)), Keys.SK, AttributeValue.fromS(Keys.RATE_SK));
        try {
            table.client().updateItem(r -> r.tableName(table.name()).key(key)
                    .updateExpression("ADD #failures :one")
                    .conditionExpression("#ends > :now")
                    .expressionAttributeNames(Map.of("#failures", FAILURES, "#ends", WINDOW_ENDS))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
        } catch (ConditionalCheckFailedException noOpenWindow) {
            String ends = Long.toString(now.plus(window).getEpochSecond());
            table.client().putItem(r -> r.tableName(table.name()).item(Map.of(
                    Keys.PK, key.get(Keys.PK), Keys.SK, key.get(Keys.SK),
                    FAILURES, AttributeValue.fromN("1"),
                    WINDOW_ENDS, AttributeValue.fromN(ends),
                    Keys.EXPIRES_AT, AttributeValue.fromN(ends))));
        }
    }
}
