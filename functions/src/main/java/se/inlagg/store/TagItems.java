package se.inlagg.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Tag;
import se.inlagg.posts.TagCount;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The tag items and their counters. Counts move with ADD, never read-modify-write, and in the
 * same transaction as the post's membership, so they are exact.
 */
final class TagItems {

    static final String NAME = "name";
    static final String SLUG = "slug";
    static final String COUNT = "count";
    static final String PENDING = "pending";

    private TagItems() {
    }

    /** How one tag item must move when one post's contribution to it goes from {@code before} to {@code after}. */
    record Change(Tag tag, boolean exists, Tally before, Tally after, String postId, Instant publishedAt) {
    }

    static Optional<TransactWriteItem> write(String table, Change c) {
        return c.exists() ? update(table, c) : Optional.of(create(table, c));
    }

    /**
     * A tag seen for the first time. The Put is conditioned on absence: if another post created the
     * tag meanwhile, the transaction fails and is rebuilt from a fresh read, instead of
     * overwriting that post's count.
     */
    private static TransactWriteItem create(String table, Change c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.tag(c.tag().slug())));
        item.put(Keys.SK, s(Keys.TAG_SK));
        item.put(SLUG, s(c.tag().slug()));
        item.put(NAME, s(c.tag().name()));
        item.put(COUNT, n(c.after() == Tally.COUNT ? 1 : 0));
        Map<String, AttributeValue> pending = new HashMap<>();
        if (c.after() == Tally.PENDING) {
            pending.put(c.postId(), s(SiteTime.format(c.publishedAt())));
        }
        item.put(PENDING, AttributeValue.fromM(pending));
        if (c.after() != Tally.NONE) {
            item.put(Keys.GSI1PK, s(Keys.TAGS));
            item.put(Keys.GSI1SK, s(c.tag().slug()));
        }
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .build()).build();
    }

    private static Optional<TransactWriteItem> update(String table, Change c) {
        int delta = (c.after() == Tally.COUNT ? 1 : 0) - (c.before() == Tally.COUNT ? 1 : 0);
        boolean setPending = c.after() == Tally.PENDING;
        boolean removePending = c.before() == Tally.PENDING && !setPending;
        if (delta == 0 && !setPending && !removePending) {
            return Optional.empty();
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.PK));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        StringBuilder expression = new StringBuilder();
        if (delta != 0) {
            names.put("#count", COUNT);
            values.put(":delta", n(delta));
            expression.append("ADD #count :delta ");
        }
        if (setPending || removePending) {
            names.put("#pending", PENDING);
            names.put("#post", c.postId());
        }
        if (setPending) {
            values.put(":at", s(SiteTime.format(c.publishedAt())));
            sets.add("#pending.#post = :at");
        }
        if (c.after() != Tally.NONE) {
            names.put("#lpk", Keys.GSI1PK);
            names.put("#lsk", Keys.GSI1SK);
            values.put(":tags", s(Keys.TAGS));
            values.put(":slug", s(c.tag().slug()));
            sets.add("#lpk = :tags");
            sets.add("#lsk = :slug");
        }
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets)).append(' ');
        }
        if (removePending) {
            expression.append("REMOVE #pending.#post");
        }
        return Optional.of(TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(Map.of(Keys.PK, s(Keys.tag(c.tag().slug())), Keys.SK, s(Keys.TAG_SK)))
                .updateExpression(expression.toString().strip())
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values)
                .build()).build());
    }

    static Tag tagOf(EnhancedDocument d) {
        return new Tag(d.getString(SLUG), d.getString(NAME));
    }

    /** Visible posts: the plain count plus the scheduled ones whose time has come. */
    static TagCount countOf(EnhancedDocument d, Instant now) {
        long count = d.isPresent(COUNT) ? d.getNumber(COUNT).longValue() : 0;
        String nowText = SiteTime.format(now);
        Map<String, AttributeValue> pending = d.isPresent(PENDING) ? d.toMap().get(PENDING).m() : Map.of();
        long due = pending.values().stream().filter(v -> v.s().compareTo(nowText) <= 0).count();
        return new TagCount(tagOf(d), count + due);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
