package se.inlagg.store;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.inlagg.posts.IdempotencyRecord;
import se.inlagg.posts.IdempotentRequest;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRepository;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Tag;
import se.inlagg.posts.TagCount;
import se.inlagg.posts.Write;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Posts and tags in the one DynamoDB table: every read a GetItem, BatchGetItem or Query. */
public final class DynamoPostRepository implements PostRepository {

    private final Table table;
    private final Transactions transactions;
    private final DynamoDbEnhancedClient enhanced;
    private final SiteTime time;

    public DynamoPostRepository(Table table, Transactions transactions, SiteTime time) {
        this.table = table;
        this.transactions = transactions;
        this.time = time;
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(table.client()).build();
    }

    @Override
    public Set<String> takenSlugs(List<String> candidates) {
        Map<String, String> bySlugKey = candidates.stream().collect(Collectors.toMap(Keys::slug, s -> s, (a, b) -> a));
        return batchGet(bySlugKey.keySet().stream().map(pk -> Table.key(pk, Keys.SLUG_SK)).toList()).stream()
                .map(d -> bySlugKey.get(d.getString(Keys.PK)))
                .collect(Collectors.toSet());
    }

    @Override
    public Write<Post> create(Post post, Instant now, Optional<IdempotentRequest> request) {
        Map<String, Tag> existing = existingTags(post.summary().tags());
        PostSummary summary = withStoredNames(post.summary(), existing);
        Tally tally = Tally.of(summary, now);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.putIfAbsent(PostItems.slugItem(summary.slug(), summary.id())));
        items.add(table.putIfAbsent(PostItems.postItem(summary, tally)));
        items.add(table.put(PostItems.bodyItem(summary.id(), post.body())));
        request.ifPresent(r -> items.add(IdempotencyItems.putUnlessLive(table.name(), summary, r, now)));
        for (Tag tag : summary.tags()) {
            items.add(table.put(PostItems.tagEntryItem(summary, tag.slug(), tally)));
            TagItems.write(table.name(), new TagItems.Change(tag, existing.containsKey(tag.slug()),
                    Tally.NONE, tally, summary.id(), summary.publishedAt())).ifPresent(items::add);
        }
        Transactions.Result result = transactions.write(items);
        if (result.committed()) {
            return new Write.Applied<>(new Post(summary, post.body()));
        }
        return result.failedConditions().contains(0) ? new Write.SlugTaken<>() : new Write.Stale<>();
    }

    @Override
    public Optional<Post> findBySlug(String slug) {
        return table.get(Keys.slug(slug), Keys.SLUG_SK)
                .map(claim -> claim.getString(PostItems.POST_ID))
                .flatMap(this::findById);
    }

    @Override
    public Optional<Post> findById(String id) {
        // "BODY" < "POST" < "TAG#…": one consistent Query reads the summary and the body together.
        var query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(Table.key(Keys.post(id), Keys.BODY_SK), Table.key(Keys.post(id), Keys.POST_SK)))
                .consistentRead(true)
                .build();
        PostSummary summary = null;
        String body = "";
        for (EnhancedDocument d : table.documents().query(query).items()) {
            if (Keys.POST_SK.equals(d.getString(Keys.SK))) {
                summary = PostItems.summaryOf(d);
            } else {
                body = d.getString(PostItems.BODY);
            }
        }
        return summary == null ? Optional.empty() : Optional.of(new Post(summary, body));
    }

    @Override
    public Write<PostSummary> update(PostSummary current, PostSummary next, Optional<String> body, Instant now) {
        Optional<Tally> stored = tallyAtVersion(current);
        if (stored.isEmpty()) {
            return new Write.Stale<>();
        }
        Tally before = stored.get();
        Map<String, Tag> existing = existingTags(next.tags());
        PostSummary named = withStoredNames(next, existing);
        Tally after = Tally.of(named, now);

        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.putIfEquals(PostItems.postItem(named, after), PostItems.VERSION, TagItems.n(current.version())));
        body.ifPresent(b -> items.add(table.put(PostItems.bodyItem(named.id(), b))));
        Set<String> kept = named.tags().stream().map(Tag::slug).collect(Collectors.toSet());
        for (Tag tag : named.tags()) {
            // Every copy of the summary changes with the post, so a tag list never shows an old title.
            items.add(table.put(PostItems.tagEntryItem(named, tag.slug(), after)));
            boolean had = current.tags().stream().anyMatch(t -> t.slug().equals(tag.slug()));
            TagItems.write(table.name(), new TagItems.Change(tag, existing.containsKey(tag.slug()),
                    had ? before : Tally.NONE, after, named.id(), named.publishedAt())).ifPresent(items::add);
        }
        for (Tag gone : current.tags()) {
            if (!kept.contains(gone.slug())) {
                items.add(table.delete(Keys.post(current.id()), Keys.tagEntry(gone.slug())));
                TagItems.write(table.name(), new TagItems.Change(gone, true, before, Tally.NONE,
                        current.id(), current.publishedAt())).ifPresent(items::add);
            }
        }
        return transactions.write(items).committed() ? new Write.Applied<>(named) : new Write.Stale<>();
    }

    @Override
    public Write<PostSummary> delete(PostSummary current) {
        Optional<Tally> stored = tallyAtVersion(current);
        if (stored.isEmpty()) {
            return new Write.Stale<>();
        }
        Tally before = stored.get();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.deleteIfEquals(Keys.post(current.id()), Keys.POST_SK, PostItems.VERSION, TagItems.n(current.version())));
        items.add(table.delete(Keys.post(current.id()), Keys.BODY_SK));
        items.add(table.deleteIfEquals(Keys.slug(current.slug()), Keys.SLUG_SK, PostItems.POST_ID, TagItems.s(current.id())));
        for (Tag tag : current.tags()) {
            items.add(table.delete(Keys.post(current.id()), Keys.tagEntry(tag.slug())));
            TagItems.write(table.name(), new TagItems.Change(tag, true, before, Tally.NONE,
                    current.id(), current.publishedAt())).ifPresent(items::add);
        }
        return transactions.write(items).committed() ? new Write.Applied<>(current) : new Write.Stale<>();
    }

    /** How the post's tags are counted now, if the stored post is still at the version read; else it is stale. */
    private Optional<Tally> tallyAtVersion(PostSummary current) {
        return table.get(Keys.post(current.id()), Keys.POST_SK)
                .filter(d -> d.getNumber(PostItems.VERSION).longValue() == current.version())
                .map(PostItems::tallyOf);
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String authorId, String keySha256, Instant now) {
        return table.get(Keys.idempotency(authorId, keySha256), Keys.IDEM_SK)
                .map(IdempotencyItems::recordOf)
                .filter(r -> r.expiresAt().isAfter(now));
    }

    @Override
    public Map<String, String> bodies(List<String> postIds) {
        Map<String, String> bodies = new HashMap<>();
        for (EnhancedDocument d : batchGet(postIds.stream().map(id -> Table.key(Keys.post(id), Keys.BODY_SK)).toList())) {
            bodies.put(Keys.postIdOfPartition(d.getString(Keys.PK)), d.getString(PostItems.BODY));
        }
        return bodies;
    }

    @Override
    public List<PostSummary> drafts(String authorId) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.drafts(authorId)).build()))
                .scanIndexForward(false)
                .limit(ListQuery.MAX_LIMIT)
                .build();
        return table.documents().index(Keys.GSI2).query(request).iterator().next().items().stream()
                .map(PostItems::summaryOf).toList();
    }


    @Override
    public Outcome<Page<PostSummary>> page(ListQuery q, Instant now) {
        String list = q.tagSlug().map(s -> "tag:" + s).orElse("feed");
        String month = q.month().map(YearMonth::toString).orElse("");
        String partition = q.tagSlug().map(Keys::tag).orElse(Keys.FEED);
        String low = q.month().map(m -> SiteTime.format(time.startOf(m))).orElse(Keys.LOW);
        Instant until = q.month().map(m -> time.lastSecondOf(m)).filter(end -> end.isBefore(now)).orElse(now);
        String high = SiteTime.format(until) + Keys.HIGH;
        if (low.compareTo(high) > 0) {
            // A month that has not begun: nothing to show, and DynamoDB refuses a BETWEEN whose bounds cross.
            return q.cursor().isPresent()
                    ? Outcome.refused(Refusal.Invalid.of("cursor", "is not a cursor of this list; start again without it"))
                    : Outcome.done(new Page<>(List.of(), Optional.empty()));
        }

        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(Table.key(partition, low), Table.key(partition, high)))
                .scanIndexForward(false)
                .limit(q.limit() + 1);
        if (q.cursor().isPresent()) {
            Optional<Cursors.Position> position = Cursors.decode(q.cursor().get())
                    .filter(p -> p.list().equals(list) && p.month().equals(month))
                    .filter(p -> p.lastKey().compareTo(low) >= 0 && p.lastKey().compareTo(high) <= 0);
            if (position.isEmpty()) {
                return Outcome.refused(Refusal.Invalid.of("cursor", "is not a cursor of this list; start again without it"));
            }
            String lastKey = position.get().lastKey();
            Map<String, AttributeValue> start = new HashMap<>();
            start.put(Keys.PK, TagItems.s(Keys.post(Keys.postIdOfListSort(lastKey))));
            start.put(Keys.SK, TagItems.s(q.tagSlug().map(Keys::tagEntry).orElse(Keys.POST_SK)));
            start.put(Keys.GSI1PK, TagItems.s(partition));
            start.put(Keys.GSI1SK, TagItems.s(lastKey));
            request.exclusiveStartKey(start);
        }
        List<EnhancedDocument> found = table.documents().index(Keys.GSI1).query(request.build())
                .iterator().next().items();
        List<PostSummary> items = found.stream().limit(q.limit()).map(PostItems::summaryOf).toList();
        Optional<String> next = found.size() > q.limit()
                ? Optional.of(Cursors.encode(new Cursors.Position(list, month,
                        found.get(q.limit() - 1).getString(Keys.GSI1SK))))
                : Optional.empty();
        return Outcome.done(new Page<>(items, next));
    }

    @Override
    public List<TagCount> tagCounts(Instant now) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.TAGS).build()))
                .build();
        List<TagCount> counts = new ArrayList<>();
        for (var page : table.documents().index(Keys.GSI1).query(request)) {
            for (EnhancedDocument d : page.items()) {
                TagCount count = TagItems.countOf(d, now);
                if (count.count() > 0) {
                    counts.add(count);
                }
            }
        }
        return counts;
    }

    @Override
    public Optional<Tag> findTag(String slug) {
        return table.get(Keys.tag(slug), Keys.TAG_SK).map(TagItems::tagOf);
    }

    /** The tags that already exist, by slug; a post keeps the name a tag was first given. */
    private Map<String, Tag> existingTags(List<Tag> tags) {
        if (tags.isEmpty()) {
            return Map.of();
        }
        Map<String, Tag> found = new LinkedHashMap<>();
        for (EnhancedDocument d : batchGet(tags.stream().map(t -> Table.key(Keys.tag(t.slug()), Keys.TAG_SK)).toList())) {
            Tag tag = TagItems.tagOf(d);
            found.put(tag.slug(), tag);
        }
        return found;
    }

    private static PostSummary withStoredNames(PostSummary s, Map<String, Tag> existing) {
        List<Tag> named = s.tags().stream().map(t -> existing.getOrDefault(t.slug(), t)).toList();
        return new PostSummary(s.id(), s.slug(), s.title(), s.excerpt(), s.author(), named, s.image(), s.status(),
                s.publishedAt(), s.updatedAt(), s.version(), s.authorId());
    }

    private List<EnhancedDocument> batchGet(List<Key> keys) {
        List<EnhancedDocument> found = new ArrayList<>();
        // BatchGetItem takes at most 100 keys; unprocessed keys are retried by the paginated result.
        for (int from = 0; from < keys.size(); from += 100) {
            var batch = ReadBatch.builder(EnhancedDocument.class).mappedTableResource(table.documents());
            keys.subList(from, Math.min(keys.size(), from + 100)).forEach(k -> batch.addGetItem(
                    GetItemEnhancedRequest.builder().key(k).consistentRead(true).build()));
            enhanced.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
                    .resultsForTable(table.documents())
                    .forEach(found::add);
        }
        return found;
    }






}
