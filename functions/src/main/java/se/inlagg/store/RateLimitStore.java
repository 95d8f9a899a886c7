package se.inlagg.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import se.inlagg.ops.Log;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Attempts per client in fixed windows, taken with a conditional ADD before each is judged, so attempts
 * made at once all count, and given back when they succeed. Items expire by TTL with their window; the
 * window is also checked on read.
 */
public final class RateLimitStore {

    static final String FAILURES = "failures";
    static final String WINDOW_ENDS = "windowEnds";

    /** A client's failures in its current window. */
    public record Window(long failures, Instant endsAt) {
    }

    /** An attempt: taken from its window (to give back if it succeeds), or refused, the window full. */
    public record Attempt(boolean taken, Window window) {
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
     * Takes one of a client's attempts in its current window (or in a new one starting now), or, when the window's
     * attempts are all taken, answers that window and takes none. One conditional write per attempt, so attempts made
     * at once are each counted before any is judged (each reading the count first, 40 wrong tokens sent at once would
     * all run). A new window is opened only where none is open, so two first attempts at once both count; one that
     * finds a window opened meanwhile takes from it.
     */
    public Attempt take(String scope, String clientSha256, Instant now, Duration window, long max) {
        var key = Table.key(Keys.rateLimit(scope, clientSha256), Keys.RATE_SK);
        Map<String, String> names = Map.of("#failures", FAILURES, "#ends", WINDOW_ENDS);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Item taken = Item.of(table.client().updateItem(r -> r.tableName(table.name()).key(key)
                        .updateExpression("ADD #failures :one")
                        .conditionExpression("#ends > :now AND #failures < :max")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(Map.of(":one", Item.n(1), ":now", Item.n(now.getEpochSecond()), ":max", Item.n(max)))
                        .returnValues(ReturnValue.ALL_NEW)).attributes());
                return new Attempt(true, new Window(taken.number(FAILURES), Instant.ofEpochSecond(taken.number(WINDOW_ENDS))));
            } catch (ConditionalCheckFailedException fullOrNoneOpen) {
                Optional<Window> open = current(scope, clientSha256, now);
                if (open.isPresent() && open.get().failures() >= max) {
                    return new Attempt(false, open.get());
                }
                if (open.isPresent()) {
                    continue; // opened, or given back to, since: take from it
                }
            }
            long ends = now.plus(window).getEpochSecond();
            try {
                table.client().putItem(r -> r.tableName(table.name()).item(Item.builder()
                                .key(Keys.rateLimit(scope, clientSha256), Keys.RATE_SK)
                                .n(FAILURES, 1).n(WINDOW_ENDS, ends).n(Keys.EXPIRES_AT, ends).build())
                        .conditionExpression("attribute_not_exists(#ends) OR #ends <= :now")
                        .expressionAttributeNames(Map.of("#ends", WINDOW_ENDS))
                        .expressionAttributeValues(Map.of(":now", Item.n(now.getEpochSecond()))));
                return new Attempt(true, new Window(1, Instant.ofEpochSecond(ends)));
            } catch (ConditionalCheckFailedException openedMeanwhile) {
                // Another attempt opened it first: take from it.
            }
        }
        // Lost every race of three: so many attempts at once are a flood, and this one waits with them.
        return new Attempt(false, current(scope, clientSha256, now).orElse(new Window(max, now.plus(window))));
    }

    /**
     * Gives back an attempt that did not fail (a right token, or a check that could not be made): only failures count
     * against a client. Only to the window it was taken from: given to a new one opened meanwhile, it would take back one
     * of that window's failures. At best: a give-back that fails costs the client one attempt.
     */
    public void giveBack(String scope, String clientSha256, Window takenFrom) {
        try {
            table.client().updateItem(r -> r.tableName(table.name()).key(Table.key(Keys.rateLimit(scope, clientSha256), Keys.RATE_SK))
                    .updateExpression("ADD #failures :minusOne")
                    .conditionExpression("#ends = :ends AND #failures > :zero")
                    .expressionAttributeNames(Map.of("#failures", FAILURES, "#ends", WINDOW_ENDS))
                    .expressionAttributeValues(Map.of(":minusOne", Item.n(-1), ":zero", Item.n(0),
                            ":ends", Item.n(takenFrom.endsAt().getEpochSecond()))));
        } catch (SdkException notGivenBack) {
            Log.warn("attempt_not_given_back", "error", notGivenBack.getClass().getSimpleName());
        }
    }
}
