package se.inlagg.store;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FacetCount;
import se.inlagg.posts.SiteTime;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The facets' counters: how many posts readers may see in each category, person, office and
 * month. Counts move with ADD, never read-modify-write, and in the same transaction as the post's
 * entries, so they are exact. A scheduled post waits in the counter's pending map (post id →
 * time) and counts from its time on, with no job to move it.
 */
final class FacetItems {

    static final String NAME = "name";
    static final String SLUG = "slug";
    static final String COUNT = "count";
    static final String PENDING = "pending";

    private FacetItems() {
    }

    /**
     * How one counter must move when one post's contribution to it goes from {@code before} to {@code after}; and
     * {@code settled}, other posts the counter waits for whose time has passed (id to time, as read), moved from its
     * pending map into its count. Left until the post's own next write, the entry of one never written again would
     * stay for good: a counter of a facet whose posts are mostly scheduled would grow with every one of them, and its
     * reads and writes with it, towards DynamoDB's 400 KB an item.
     */
    record Change(Facet facet, boolean exists, Tally before, Tally after, String postId, Instant publishedAt,
                  Map<String, Instant> settled) {

        Change {
            settled = Map.copyOf(settled);
            if (settled.containsKey(postId)) {
                throw new IllegalArgumentException("a post's own entry moves by its before and after, not as settled");
            }
        }

        Change(Facet facet, boolean exists, Tally before, Tally after, String postId, Instant publishedAt) {
            this(facet, exists, before, after, postId, publishedAt, Map.of());
        }
    }

    static Optional<TransactWriteItem> write(String table, Change c) {
        return c.exists() ? update(table, c) : Optional.of(create(table, c));
    }

    static Map<String, AttributeValue> key(Facet.Kind kind, String slug) {
        return Table.key(Keys.counter(kind, slug), Keys.counterSort(kind));
    }

    /**
     * A facet seen for the first time. The Put is conditioned on absence: if another post created
     * it meanwhile, the transaction fails and is rebuilt from a fresh read, instead of overwriting
     * that post's count.
     */
    private static TransactWriteItem create(String table, Change c) {
        Facet f = c.facet();
        Map<String, AttributeValue> pending = new HashMap<>();
        if (c.after() == Tally.PENDING) {
            pending.put(c.postId(), Item.s(SiteTime.format(c.publishedAt())));
        }
        Item.Builder item = Item.builder().key(Keys.counter(f.kind(), f.slug()), Keys.counterSort(f.kind()))
                .s(SLUG, f.slug())
                .s(NAME, f.name())
                .n(COUNT, c.after() == Tally.COUNT ? 1 : 0)
                .map(PENDING, pending);
        if (c.after() != Tally.NONE) {
            item.s(Keys.GSI1PK, Keys.counters(f.kind())).s(Keys.GSI1SK, f.slug());
        }
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item.build())
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .build()).build();
    }

    private static Optional<TransactWriteItem> update(String table, Change c) {
        int delta = (c.after() == Tally.COUNT ? 1 : 0) - (c.before() == Tally.COUNT ? 1 : 0) + c.settled().size();
        boolean setPending = c.after() == Tally.PENDING;
        boolean removePending = c.before() == Tally.PENDING && !setPending;
        if (delta == 0 && !setPending && !removePending) {
            return Optional.empty();
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.PK));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        List<String> conditions = new ArrayList<>(List.of("attribute_exists(#pk)"));
        StringBuilder expression = new StringBuilder();
        if (delta != 0) {
            names.put("#count", COUNT);
            values.put(":delta", Item.n(delta));
            expression.append("ADD #count :delta ");
        }
        if (setPending || removePending || !c.settled().isEmpty()) {
            names.put("#pending", PENDING);
        }
        if (setPending || removePending) {
            names.put("#post", c.postId());
        }
        if (c.before() == Tally.PENDING) {
            // Still waiting, as read: a create that settled it since has counted it already, and this write, refused, is
            // made again from the counter as it is then (DynamoPostRepository).
            conditions.add("attribute_exists(#pending.#post)");
        }
        int n = 0;
        for (var due : new TreeMap<>(c.settled()).entrySet()) {
            // Each only as read: a write of that post, or another create, that moved it first fails this one, read again.
            names.put("#s" + n, due.getKey());
            values.put(":s" + n, Item.s(SiteTime.format(due.getValue())));
            removes.add("#pending.#s" + n);
            conditions.add("#pending.#s" + n + " = :s" + n);
            n++;
        }
        if (setPending) {
            values.put(":at", Item.s(SiteTime.format(c.publishedAt())));
            sets.add("#pending.#post = :at");
        }
        if (c.before() == Tally.NONE && c.after() != Tally.NONE && c.facet().kind() != Facet.Kind.MONTH) {
            // The post comes to count in it: its name is the stored one while others count (the
            // repository named the facet so), and this post's spelling when none did. Not conditioned
            // on the count: two posts that first count in one empty facet at the same moment can leave
            // it with the second's spelling while the first keeps its own; an edit never fails for it.
            names.put("#name", NAME);
            values.put(":name", Item.s(c.facet().name()));
            sets.add("#name = :name");
        }
        if (c.after() != Tally.NONE) {
            // A counter joins its kind's index once a visible or scheduled post counts in it.
            names.put("#lpk", Keys.GSI1PK);
            names.put("#lsk", Keys.GSI1SK);
            values.put(":list", Item.s(Keys.counters(c.facet().kind())));
            values.put(":slug", Item.s(c.facet().slug()));
            sets.add("#lpk = :list");
            sets.add("#lsk = :slug");
        }
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets)).append(' ');
        }
        if (removePending) {
            removes.addFirst("#pending.#post");
        }
        if (!removes.isEmpty()) {
            expression.append("REMOVE ").append(String.join(", ", removes));
        }
        return Optional.of(TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(c.facet().kind(), c.facet().slug()))
                .updateExpression(expression.toString().strip())
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values)
                .build()).build());
    }

    /** Whether any post counts in this counter: visible now, or scheduled. */
    static boolean countsAnything(Item d) {
        return d.number(COUNT) > 0 || !d.map(PENDING).isEmpty();
    }

    static Facet facetOf(Facet.Kind kind, Item d) {
        return kind == Facet.Kind.MONTH
                ? Facet.month(YearMonth.parse(d.string(SLUG)))
                : new Facet(kind, d.string(SLUG), d.string(NAME));
    }

    /** Whether a counter waits for this post still: scheduled, and not counted since by a create. */
    static boolean waitsFor(Item d, String postId) {
        return d.map(PENDING).containsKey(postId);
    }

    /** The scheduled posts a counter waits for, by id, with their times. */
    static Map<String, Instant> scheduled(Item d) {
        Map<String, Instant> waiting = new HashMap<>();
        d.map(PENDING).forEach((id, at) -> waiting.put(id, Instant.parse(at.s())));
        return waiting;
    }

    /** Visible posts: the plain count plus the scheduled ones whose time has come. */
    static FacetCount countOf(Facet.Kind kind, Item d, Instant now) {
        String nowText = SiteTime.format(now);
        long due = d.map(PENDING).values().stream().filter(v -> v.s().compareTo(nowText) <= 0).count();
        return new FacetCount(facetOf(kind, d), d.number(COUNT) + due);
    }
}
