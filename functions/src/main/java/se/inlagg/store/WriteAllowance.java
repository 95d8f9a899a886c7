package se.inlagg.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.ops.Log;
import se.inlagg.posts.Backoff;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * What one author may write in an hour, in DynamoDB's write units, taken in each write's own transaction: nothing else
 * bounds what an author's token can cost (a script in a loop, a token leaked), and one edit of a text at its longest
 * writes some 1,200 units, so at the API's throttle a token could write thousands of dollars a day. One counter per author
 * and clock hour ({@code RATE#writes#{authorId}}, {@code HOUR#{n}}), added to by a conditioned ADD as the last operation
 * of the write, so a write past the allowance fails whole, writing nothing, writes made at once are each counted, and
 * there is no read before. A new hour is a new item: no window to reset, and TTL takes the old ones. What is added is
 * estimated from the items the write puts, as DynamoDB bills them (each started KB of an item, twice in a transaction);
 * an update, delete or condition counts as one KB, the items' size not being known without reading them. So once the
 * write has committed, what DynamoDB says it consumed settles it: any more is added then ({@link #topUp}), a counter
 * grown by scheduled posts say. A write that takes a post down (a delete, a post taken back to draft) is counted but
 * never refused: an author whose hour someone else spent can still take down what they wrote.
 */
public final class WriteAllowance {

    /** No allowance: every write goes (tools writing on the operator's behalf, tests that are not about it). */
    public static final WriteAllowance NONE = new WriteAllowance(0);

    static final String USED = "used";
    private static final String SCOPE = "writes";
    private static final long KB = 1024;
    /** A write in a transaction is billed twice. */
    private static final long TRANSACTIONAL = 2;
    private static final List<String> INDEX_KEYS = List.of(Keys.GSI1PK, Keys.GSI2PK);
    /** What a write adds to its author's hour, in the charge and in a top-up alike. */
    private static final String ADD = "ADD #used :units SET #expires = :expires";
    private static final Map<String, String> NAMES = Map.of("#used", USED, "#expires", Keys.EXPIRES_AT);
    /** How long a top-up is tried again while another write's transaction holds the counter. */
    private static final Duration TOP_UP_WITHIN = Duration.ofSeconds(1);

    private final long unitsPerHour;

    /** At most {@code unitsPerHour} an author each clock hour; 0 for no allowance. */
    public WriteAllowance(long unitsPerHour) {
        if (unitsPerHour < 0) {
            throw new IllegalArgumentException("an allowance of write units is 0 (none) or more, not " + unitsPerHour);
        }
        this.unitsPerHour = unitsPerHour;
    }

    /**
     * The operation that takes this write's units from its author's hour, to add last to the write; none without an
     * allowance. {@code shrunkBytes}: what the write replaces beyond what it puts, since an item put over a larger one is
     * billed the larger's size (an edit that cuts a long text).
     */
    Optional<Charge> charge(String table, String authorId, List<TransactWriteItem> write, long shrunkBytes, boolean takingDown,
                            Instant now) {
        if (unitsPerHour == 0) {
            return Optional.empty();
        }
        long units = units(write) + TRANSACTIONAL * ((shrunkBytes + KB - 1) / KB) + TRANSACTIONAL; // and this counter's own
        Map<String, AttributeValue> values = new HashMap<>(added(units, now));
        Update.Builder update = Update.builder().tableName(table).key(hourOf(authorId, now)).updateExpression(ADD)
                .expressionAttributeNames(NAMES);
        if (!takingDown) {
            // A single write larger than the whole allowance still goes in an hour not yet written in, so no setting
            // can make a post impossible to save.
            update.conditionExpression("attribute_not_exists(#used) OR #used <= :room");
            values.put(":room", Item.n(unitsPerHour - units));
        }
        return Optional.of(new Charge(TransactWriteItem.builder().update(update.expressionAttributeValues(values).build()).build(),
                units, !takingDown));
    }

    /** The operation that takes a write's units, how many it takes, and whether it may refuse the write. */
    record Charge(TransactWriteItem operation, long units, boolean refuses) {
    }

    /**
     * Adds to the author's hour what a committed write consumed beyond what its charge took, and this call's own unit: a
     * plain ADD, made only when the write cost more than its estimate. Another of the author's writes may be in its
     * transaction on the counter just then, which DynamoDB answers TransactionConflict and the SDK does not retry: it is
     * tried again, with jittered waits, for up to a second (from a review). At best after that: one that fails leaves
     * the hour short of it, and is logged.
     */
    void topUp(Table table, String authorId, Charge charge, double consumed, Instant now) {
        long more = (long) Math.ceil(consumed) - charge.units();
        if (more <= 0) {
            return;
        }
        Backoff backoff = Backoff.within(TOP_UP_WITHIN);
        while (true) {
            try {
                table.client().updateItem(r -> r.tableName(table.name()).key(hourOf(authorId, now)).updateExpression(ADD)
                        .expressionAttributeNames(NAMES).expressionAttributeValues(added(more + 1, now)));
                return;
            } catch (SdkException e) {
                if (!(e instanceof TransactionConflictException) || !backoff.pause()) {
                    Log.warn("write_allowance_not_topped_up", "units", more, "error", e.getClass().getSimpleName());
                    return;
                }
            }
        }
    }

    /** The author's counter of the clock hour {@code now} is in. */
    private static Map<String, AttributeValue> hourOf(String authorId, Instant now) {
        return Table.key(Keys.rateLimit(SCOPE, authorId), Keys.allowanceHour(now.getEpochSecond() / 3600));
    }

    /**
     * The values of {@link #ADD}: the units, and when the hour's counter goes, an hour after the hour (TTL removes it
     * within days after that).
     */
    private static Map<String, AttributeValue> added(long units, Instant now) {
        return Map.of(":units", Item.n(units), ":expires", Item.n((now.getEpochSecond() / 3600 + 2) * 3600));
    }

    /** How long until a refused author's allowance is new: the rest of the clock hour. */
    static Duration untilRenewed(Instant now) {
        return Duration.ofSeconds(3600 - now.getEpochSecond() % 3600);
    }

    /**
     * The write units a transaction of these operations is billed, as far as they tell: each item put, and in each index
     * whose keys it has (a summary: the indexes project nothing larger) its entry before and after, since a key that moves
     * (an edit's updatedAt) is billed twice; an update, delete or check as a small item and its index entry. What an
     * update or a delete is billed for an item larger than that is not known here: what the write consumed settles it
     * ({@link #topUp}).
     */
    static long units(List<TransactWriteItem> write) {
        long units = 0;
        for (TransactWriteItem op : write) {
            if (op.put() == null) {
                units += TRANSACTIONAL * 2;
                continue;
            }
            Map<String, AttributeValue> item = op.put().item();
            long kb = Math.max(1, (itemBytes(item) + KB - 1) / KB);
            long indexed = INDEX_KEYS.stream().filter(item::containsKey).count();
            units += TRANSACTIONAL * kb * (1 + 2 * indexed);
        }
        return units;
    }

    /** An item's size by DynamoDB's rules: each attribute's name and value, in bytes. */
    private static long itemBytes(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            bytes += Item.utf8Bytes(e.getKey()) + valueBytes(e.getValue());
        }
        return bytes;
    }

    private static long valueBytes(AttributeValue v) {
        if (v.s() != null) {
            return Item.utf8Bytes(v.s());
        }
        if (v.n() != null) {
            return (v.n().length() + 1) / 2 + 1;
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.hasM()) {
            return 3 + itemBytes(v.m());
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToLong(x -> 1 + valueBytes(x)).sum();
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(Item::utf8Bytes).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToLong(n -> (n.length() + 1) / 2 + 1).sum();
        }
        return 1; // BOOL, NULL
    }

}
