package se.inlagg.store;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.inlagg.posts.Body;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FacetCount;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Neighbours;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Status;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What {@link DynamoPostRepository} reads as lists, from the indexes: the feed, a facet's or a month's posts, an author's
 * posts, a page at a time by cursors ({@link Cursors}), each page one Query; a post's neighbours in the feed; every published
 * post with its body, for a rebuild of the search index; and the facets of a kind with their counts, or one of them.
 */
final class PostLists {

    private static final String NOT_THIS_LIST = "is not a cursor of this list; start again without it";
    /** The list of every published post, scheduled ones included, as a rebuild of the search index reads it. */
    private static final String EVERY_PUBLISHED = "feed";
    /** Items one call of a filtered list of an author's posts reads at most: some 160 KB of summaries, about 20 read units. */
    static final int FILTERED_READ = 250;
    /** Calls one page of a filtered list makes at most (some 1,600 posts read past at the default limit) before it answers. */
    static final int FILTERED_CALLS = 8;

    private final Table table;
    private final SiteTime time;

    PostLists(Table table, SiteTime time) {
        this.table = table;
        this.time = time;
    }

    Outcome<Page<PostSummary>> authorPosts(String authorId, Optional<Status> status, int limit, Optional<String> cursor) {
        String partition = Keys.authorPosts(authorId);
        // A list of one status is a list of its own: a cursor of the drafts taken by the published posts would skip those
        // newer than where the drafts' page ended.
        String list = status.map(s -> "mine:" + s.wire()).orElse("mine");
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.GSI2PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Item.s(partition)));
        QueryRequest.Builder request = QueryRequest.builder()
                .indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk")
                .scanIndexForward(false);
        if (cursor.isPresent()) {
            Optional<Cursors.Position> position = Cursors.decode(cursor.get()).filter(p -> p.list().equals(list));
            if (position.isEmpty()) {
                return Outcome.refused(Refusal.Invalid.of("cursor", NOT_THIS_LIST));
            }
            String last = position.get().lastKey();
            request.exclusiveStartKey(Map.of(Keys.PK, Item.s(Keys.post(Keys.postIdOfSort(last))), Keys.SK, Item.s(Keys.POST_SK),
                    Keys.GSI2PK, Item.s(partition), Keys.GSI2SK, Item.s(last)));
        }
        if (status.isEmpty()) {
            request.expressionAttributeNames(names).expressionAttributeValues(values).limit(limit + 1);
            return Outcome.done(pageOf(table.query(request), limit, list));
        }
        names.put("#status", PostItems.STATUS);
        values.put(":status", Item.s(status.get().wire()));
        request.expressionAttributeNames(names).expressionAttributeValues(values).filterExpression("#status = :status");
        return Outcome.done(filtered(request, list, limit));
    }

    /**
     * A page of one status from an author's list, which the index does not key by status. The filter drops items after
     * they are read, so a draft begun years ago and left is reached by reading past everything changed since. The first
     * call reads what the page can show (limit + 1: most pages, every post a match, cost what the unfiltered page does),
     * each next one four times more, up to {@link #FILTERED_READ}, and a page makes at most {@link #FILTERED_CALLS} calls
     * (some 1,600 summaries read past at the default limit, about 130 read units, measured: two thousandths of a cent). Past
     * that the page answers what it found, maybe nothing, with a cursor at the last item read, so no page costs more however
     * much the author has written, and the next one reads on. A page answers as soon as it is full.
     */
    private Page<PostSummary> filtered(QueryRequest.Builder request, String list, int limit) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        String lastRead = null;
        int read = limit + 1;
        for (int call = 0; call < FILTERED_CALLS; call++) {
            QueryResponse response = table.query(request.limit(read));
            boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            List<Map<String, AttributeValue>> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                found.add(items.get(i));
                if (found.size() == limit) {
                    boolean nothingAfter = i == items.size() - 1 && !more;
                    return page(found, list, nothingAfter ? Optional.empty() : Optional.of(items.get(i).get(Keys.GSI2SK).s()));
                }
            }
            if (!more) {
                return page(found, list, Optional.empty());
            }
            request.exclusiveStartKey(response.lastEvaluatedKey());
            lastRead = response.lastEvaluatedKey().get(Keys.GSI2SK).s();
            read = Math.min(FILTERED_READ, read * 4);
        }
        return page(found, list, Optional.ofNullable(lastRead));
    }

    /** A page of an author's list: these items, and a cursor after the key its last read item had, if more may follow. */
    private static Page<PostSummary> page(List<Map<String, AttributeValue>> items, String list, Optional<String> lastKey) {
        return new Page<>(items.stream().map(i -> PostItems.summaryOf(Item.of(i))).toList(),
                lastKey.map(key -> Cursors.encode(new Cursors.Position(list, "", key))));
    }

    List<PostSummary> authorPostsChanged(String authorId, Instant since, Instant until) {
        // A change's sort key is its time to the second, then "#" and the post's id: "$" sorts after every id of that second.
        // No Limit: the time bounds it, and a limit could miss the one sought behind an author's burst of tag changes.
        QueryResponse response = table.query(QueryRequest.builder()
                .indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI2PK, "#sk", Keys.GSI2SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.authorPosts(authorId)),
                        ":from", Item.s(SiteTime.format(since)), ":to", Item.s(SiteTime.format(until) + "$")))
                .scanIndexForward(false));
        return response.items().stream().map(i -> PostItems.summaryOf(Item.of(i))).toList();
    }

    /** Asked for one more than the page holds: a page is exactly full while more remain. */
    private static Page<PostSummary> pageOf(QueryResponse response, int limit, String list) {
        List<Map<String, AttributeValue>> found = response.items();
        return found.size() > limit
                ? page(found.subList(0, limit), list, Optional.of(found.get(limit - 1).get(Keys.GSI2SK).s()))
                : page(found, list, Optional.empty());
    }

    Outcome<Page<PostSummary>> page(ListQuery q, Instant now) {
        String list = q.facet().map(f -> Keys.kind(f.kind()).toLowerCase(Locale.ROOT) + ":" + f.slug()).orElse("feed");
        String month = q.month().map(YearMonth::toString).orElse("");
        String partition = q.facet().map(f -> Keys.facetList(f.kind(), f.slug())).orElse(Keys.FEED);
        String low = q.month().map(m -> SiteTime.format(time.startOf(m))).orElse(Keys.LOW);
        Instant until = q.month().map(time::lastSecondOf).filter(end -> end.isBefore(now)).orElse(now);
        String high = SiteTime.format(until) + Keys.HIGH;
        if (low.compareTo(high) > 0) {
            // A month that has not begun: nothing to show, and DynamoDB refuses a BETWEEN whose bounds cross.
            return q.cursor().isPresent()
                    ? Outcome.refused(Refusal.Invalid.of("cursor", NOT_THIS_LIST))
                    : Outcome.done(new Page<>(List.of(), Optional.empty()));
        }
        Optional<Cursors.Position> position = Optional.empty();
        if (q.cursor().isPresent()) {
            position = Cursors.decode(q.cursor().get())
                    .filter(p -> p.list().equals(list) && p.month().equals(month))
                    .filter(p -> p.lastKey().compareTo(low) >= 0 && p.lastKey().compareTo(high) <= 0);
            if (position.isEmpty()) {
                return Outcome.refused(Refusal.Invalid.of("cursor", NOT_THIS_LIST));
            }
        }
        // Towards newer posts the list is read forwards from the cursor and turned round: still one Query.
        boolean newer = position.filter(Cursors.Position::newer).isPresent();
        QueryRequest.Builder request = QueryRequest.builder()
                .indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :low AND :high")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(partition), ":low", Item.s(low), ":high", Item.s(high)))
                .scanIndexForward(newer)
                .limit(q.limit() + 1);
        String sort = q.facet().map(f -> Keys.entry(f.kind(), f.slug())).orElse(Keys.POST_SK);
        position.ifPresent(p -> request.exclusiveStartKey(listKey(partition, sort, p.lastKey())));
        List<Map<String, AttributeValue>> found = table.query(request).items();
        boolean more = found.size() > q.limit();
        List<Map<String, AttributeValue>> shown = new ArrayList<>(found.subList(0, Math.min(q.limit(), found.size())));
        if (newer) {
            Collections.reverse(shown);
        }
        List<PostSummary> items = shown.stream().map(i -> PostItems.summaryOf(Item.of(i))).toList();
        if (shown.isEmpty()) {
            return Outcome.done(new Page<>(items, Optional.empty()));
        }
        String first = shown.getFirst().get(Keys.GSI1SK).s();
        String last = shown.getLast().get(Keys.GSI1SK).s();
        // Read towards newer posts, older ones remain behind this page (the page it came from); read
        // towards older ones, newer ones lie before it whenever it was reached through a cursor.
        Optional<String> next = newer || more
                ? Optional.of(Cursors.encode(new Cursors.Position(list, month, last))) : Optional.empty();
        Optional<String> previous = newer ? (more ? Optional.of(Cursors.encode(new Cursors.Position(list, month, first, true))) : Optional.empty())
                : position.map(p -> Cursors.encode(new Cursors.Position(list, month, first, true)));
        return Outcome.done(new Page<>(items, next, previous));
    }

    /** The start key of a Query on GSI1 that resumes after a list entry: the index's key and the table's. */
    private static Map<String, AttributeValue> listKey(String partition, String sort, String listSortKey) {
        return Map.of(Keys.PK, Item.s(Keys.post(Keys.postIdOfSort(listSortKey))), Keys.SK, Item.s(sort),
                Keys.GSI1PK, Item.s(partition), Keys.GSI1SK, Item.s(listSortKey));
    }

    Optional<PostSummary> neighbour(PostSummary post, Neighbours.Side side, Instant now) {
        boolean newer = side == Neighbours.Side.NEWER;
        QueryRequest.Builder request = QueryRequest.builder()
                .indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :low AND :high")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.FEED), ":low", Item.s(Keys.LOW),
                        ":high", Item.s(SiteTime.format(now) + Keys.HIGH)))
                .scanIndexForward(newer)
                .exclusiveStartKey(listKey(Keys.FEED, Keys.POST_SK, Keys.listSort(post.publishedAt(), post.id())))
                .limit(1);
        return table.query(request).items().stream().findFirst().map(i -> PostItems.summaryOf(Item.of(i)));
    }

    Page<Post> published(int limit, Optional<String> cursor) {
        // Scheduled posts too (no upper time bound): the search index holds them and filters by time.
        QueryRequest.Builder request = QueryRequest.builder()
                .indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.FEED)))
                .scanIndexForward(false)
                .limit(limit);
        cursor.flatMap(Cursors::decode).filter(p -> p.list().equals(EVERY_PUBLISHED))
                .ifPresent(p -> request.exclusiveStartKey(listKey(Keys.FEED, Keys.POST_SK, p.lastKey())));
        QueryResponse response = table.query(request);
        List<PostSummary> summaries = response.items().stream().map(i -> PostItems.summaryOf(Item.of(i))).toList();
        Map<String, Body> bodies = new HashMap<>();
        for (Item d : table.batchGet(summaries.stream().map(s -> Table.key(Keys.post(s.id()), Keys.BODY_SK)).toList())) {
            bodies.put(Keys.postIdOfPartition(d.string(Keys.PK)), PostItems.bodyOf(d));
        }
        List<Post> posts = summaries.stream().map(s -> {
            Body body = bodies.getOrDefault(s.id(), PostItems.NO_BODY);
            return new Post(s, body.markdown(), body.html());
        }).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(Cursors.encode(new Cursors.Position(EVERY_PUBLISHED, "", response.lastEvaluatedKey().get(Keys.GSI1SK).s())))
                : Optional.empty();
        return new Page<>(posts, next);
    }

    List<FacetCount> facetCounts(Facet.Kind kind, Instant now) {
        List<FacetCount> counts = new ArrayList<>();
        var all = table.queryAll(QueryRequest.builder()
                .indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.counters(kind))))
                // Months newest first; names in the order of their slugs.
                .scanIndexForward(kind != Facet.Kind.MONTH));
        for (var raw : all) {
            FacetCount count = FacetItems.countOf(kind, Item.of(raw), now);
            if (count.count() > 0) {
                counts.add(count);
            }
        }
        return counts;
    }

    Optional<FacetCount> findFacet(Facet.Kind kind, String slug, Instant now) {
        return table.get(Keys.counter(kind, slug), Keys.counterSort(kind)).map(d -> FacetItems.countOf(kind, d, now));
    }
}
