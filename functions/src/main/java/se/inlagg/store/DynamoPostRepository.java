package se.inlagg.store;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.Set;
import se.inlagg.ops.Log;
import se.inlagg.posts.Body;
import se.inlagg.posts.CreateBasis;
import se.inlagg.posts.CreateWrite;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FacetCount;
import se.inlagg.posts.IdempotencyRecord;
import se.inlagg.posts.IdempotentRequest;
import se.inlagg.posts.Ids;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Neighbours;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRepository;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.PostVersion;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.SlugClaim;
import se.inlagg.posts.Tag;
import se.inlagg.posts.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Posts and their facets in the one DynamoDB table: every read a BatchGetItem or one Query. */
public final class DynamoPostRepository implements PostRepository {

    private static final String NOT_THIS_LIST = "is not a cursor of this list; start again without it";
    /** The list of every published post, scheduled ones included, as a rebuild of the search index reads it. */
    private static final String EVERY_PUBLISHED = "feed";

    /** A create's operations that fail when its slug is taken: the claim (first) and the post item its slug names (third). */
    private static final Set<Integer> SLUG_TAKEN = Set.of(0, 2);
    /** How many times an update refused by its counters alone is read and made again. */
    private static final int COUNTER_ATTEMPTS = 3;
    /** How long an update refused by its counters may go on reading them again and writing (a refusal comes in milliseconds). */
    private static final Duration REBUILD_WITHIN = Duration.ofSeconds(1);
    /** How far another function's clock may be from this one's, as to whether a scheduled post's time has come. */
    private static final Duration CLOCKS_APART = Duration.ofMinutes(1);
    /** The most scheduled posts whose time has passed that one create counts for good in one counter. */
    static final int SETTLED_PER_COUNTER = 25;
    private static final Body NO_BODY = new Body("", "");

    private final Table table;
    private final Transactions transactions;
    private final SiteTime time;
    private final PostVersions versions;

    public DynamoPostRepository(Table table, Transactions transactions, SiteTime time) {
        this.table = table;
        this.transactions = transactions;
        this.time = time;
        this.versions = new PostVersions(table);
    }

    /** The slug counter rides in the facets' batch read: a create reads once before it writes, not twice. */
    @Override
    public CreateBasis createBasis(String base, List<Facet> facets) {
        String counter = Keys.slugCounter(base);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(Table.key(counter, Keys.SLUG_COUNTER_SK));
        facets.forEach(f -> keys.add(FacetItems.key(f.kind(), f.slug())));
        long last = 0;
        List<Item> facetItems = new ArrayList<>();
        for (Item item : table.batchGet(keys)) {
            if (item.string(Keys.PK).equals(counter)) {
                last = item.number(PostItems.LAST);
            } else {
                facetItems.add(item);
            }
        }
        Map<String, Facet> asked = new HashMap<>();
        facets.forEach(f -> asked.put(id(f), f));
        Map<Facet, Map<String, Instant>> scheduled = new HashMap<>();
        for (Item d : facetItems) {
            Map<String, Instant> waiting = FacetItems.scheduled(d);
            if (!waiting.isEmpty()) {
                scheduled.put(asked.get(d.string(Keys.PK)), waiting);
            }
        }
        return new CreateBasis(last, List.copyOf(facetsOf(facets, facetItems).values()), scheduled);
    }

    @Override
    public CreateWrite<Post> create(Post post, SlugClaim claim, CreateBasis basis, Instant now, Optional<IdempotentRequest> request) {
        List<Facet> facets = post.summary().facets(time.zone());
        Map<String, Facet> existing = new LinkedHashMap<>();
        basis.existingFacets().forEach(f -> existing.put(id(f), f));
        PostSummary summary = withStoredNames(post.summary(), existing);
        Tally tally = Tally.of(summary, now);
        Map<String, Map<String, Instant>> waiting = new HashMap<>();
        basis.scheduled().forEach((f, w) -> waiting.put(id(f), w));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.putIfAbsent(PostItems.slugItem(claim.slug(), summary.id())));
        var counter = PostItems.slugCounterItem(claim.base(), claim.number());
        items.add(claim.lastSeen() == 0 ? table.putIfAbsent(counter)
                : table.putIfEquals(counter, PostItems.LAST, Item.n(claim.lastSeen())));
        items.add(table.putIfAbsent(PostItems.postItem(summary)));
        items.add(table.put(PostItems.bodyItem(summary.id(), new Body(post.body(), post.bodyHtml()))));
        request.ifPresent(r -> items.add(IdempotencyItems.putUnlessLive(table.name(), summary, r, now)));
        for (Facet facet : withStoredNames(facets, existing)) {
            if (facet.kind() != Facet.Kind.MONTH) {
                items.add(table.put(PostItems.entryItem(summary, facet)));
            }
            FacetItems.write(table.name(), new FacetItems.Change(facet, existing.containsKey(id(facet)),
                    Tally.NONE, tally, summary.id(), summary.publishedAt(), due(waiting.getOrDefault(id(facet), Map.of()), summary.id(), now)))
                    .ifPresent(items::add);
        }
        return switch (transactions.write(items)) {
            case Transactions.Result.Committed c -> new Write.Applied<>(new Post(summary, post.body(), post.bodyHtml()));
            // The slug's claim (0) and the post item its slug names (2) fail together when the slug is taken.
            case Transactions.Result.ConditionsFailed f -> SLUG_TAKEN.containsAll(f.operations())
                    ? new CreateWrite.SlugTaken<>() : new Write.Stale<>();
            case Transactions.Result.Busy b -> new Write.Busy<>();
        };
    }

    /**
     * The post and body the slug names ({@link Ids#ofSlug}), in one Query: a post stored under the id its
     * slug names has that slug for good (slugs never change), so it needs no claim to vouch for it. Only
     * when none is there is the slug's claim read, for a post created before ids were named by slugs (a
     * missing post costs that second call). Inside a read ahead (an author's page: session, claim, post
     * and body in one BatchGetItem) the items read are taken instead, and the claim decides as it did then.
     * A reader's page thus loads and warms one request shape, the Query every list makes, not two.
     */
    @Override
    public Optional<Post> findBySlug(String slug, Predicate<PostSummary> readable) {
        String named = Ids.ofSlug(slug);
        Predicate<Post> shown = p -> readable.test(p.summary());
        if (table.readsAhead()) {
            // One call whatever it finds.
            List<Optional<Item>> read = table.getAll(PostItems.bySlug(slug, named, true));
            return postIdOf(read.get(0)).flatMap(id -> id.equals(named)
                    ? read.get(1).map(summary -> post(PostItems.summaryOf(summary), read.get(2).map(PostItems::bodyOf).orElse(NO_BODY)))
                    : findById(id)).filter(shown);
        }
        // A post hidden from this reader goes on to its claim, as a missing one does (it names the same id: nothing more).
        return findById(named).filter(shown).or(() -> postIdOf(table.get(Keys.slug(slug), Keys.SLUG_SK))
                .filter(id -> !id.equals(named)).flatMap(this::findById).filter(shown));
    }

    @Override
    public Optional<PostSummary> findSummaryBySlug(String slug) {
        String named = Ids.ofSlug(slug);
        List<Optional<Item>> read = table.getAll(PostItems.bySlug(slug, named, false));
        // A body read ahead with them is as old as they are: never to be paired later with a post read anew.
        table.forgetAhead(Table.key(Keys.post(named), Keys.BODY_SK));
        return postIdOf(read.get(0)).flatMap(id -> id.equals(named) ? read.get(1) : table.get(Keys.post(id), Keys.POST_SK))
                .map(PostItems::summaryOf);
    }

    @Override
    public <T> T readingAhead(String slug, List<Facet> facets, java.util.function.Supplier<T> work) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(PostItems.bySlug(slug, Ids.ofSlug(slug), false));
        facets.forEach(f -> keys.add(FacetItems.key(f.kind(), f.slug())));
        return table.readingAhead(keys, work);
    }

    private static Post post(PostSummary summary, Body body) {
        return new Post(summary, body.markdown(), body.html());
    }

    private static Optional<String> postIdOf(Optional<Item> claim) {
        return claim.map(c -> c.string(PostItems.POST_ID));
    }

    @Override
    public Optional<Post> findById(String id) {
        // "BODY" < "POST" < "POST#…" (the entries): one consistent Query reads the summary and the body, nothing else.
        QueryResponse response = table.query(QueryRequest.builder()
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :body AND :post")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.post(id)), ":body", Item.s(Keys.BODY_SK),
                        ":post", Item.s(Keys.POST_SK)))
                .consistentRead(true));
        PostSummary summary = null;
        Body body = NO_BODY;
        for (var raw : response.items()) {
            Item item = Item.of(raw);
            switch (item.string(Keys.SK)) {
                case Keys.POST_SK -> summary = PostItems.summaryOf(item);
                case Keys.BODY_SK -> body = PostItems.bodyOf(item);
                default -> throw new IllegalStateException("an entry sorts between BODY and POST: " + item.string(Keys.SK));
            }
        }
        return summary == null ? Optional.empty() : Optional.of(post(summary, body));
    }

    @Override
    public Write<PostSummary> update(PostSummary current, PostSummary next, Optional<Body> body, Instant now) {
        return write(current, next, body, Optional.empty(), now);
    }

    @Override
    public Write<PostSummary> edit(Post current, PostSummary next, Body body, Instant now) {
        return write(current.summary(), next, Optional.of(body), Optional.of(current), now);
    }

    @Override
    public Page<PostVersion> versions(String postId, OptionalLong before, int limit, Instant now) {
        return versions.page(postId, before, limit, now);
    }

    @Override
    public Optional<PostVersion> version(String postId, long number, Instant now) {
        return versions.one(postId, number, now);
    }

    /** An update, and with {@code keeping} the post as it was kept as an earlier version in the same transaction. */
    private Write<PostSummary> write(PostSummary current, PostSummary next, Optional<Body> body, Optional<Post> keeping, Instant now) {
        // Refused by a counter alone (the post item's version, operation 0, held): a create counted this scheduled post,
        // or made one of its counters, since they were read. The post did not change, so it is no conflict of the
        // author's (found by a review: an edit answered "changed since you opened it", an API client 412): the counters
        // are read again and the write made again, a few times, then Busy. Only within a second: an attempt that spent its
        // transaction's budget on conflicts ends them, so an update takes at most a second more than one transaction's
        // budget, which the caller's budget (Wiring.WRITE_BUDGET) and the functions' timeout allow for (from a second review).
        long started = System.nanoTime();
        int attempts = 0;
        while (attempts < COUNTER_ATTEMPTS) {
            attempts++;
            Built built = updateItems(current, next, body, keeping, now);
            Transactions.Result result = transactions.write(built.items());
            if (!(result instanceof Transactions.Result.ConditionsFailed f) || f.operations().contains(0)) {
                return written(result, built.named());
            }
            if (System.nanoTime() - started > REBUILD_WITHIN.toNanos()) {
                break;
            }
        }
        // Said where an operator looks (from a review: a silent 503): a counter that kept refusing, a clock far off
        // another function's, or a month counted in another time zone (docs/OPERATIONS.md).
        Log.warn("update_refused_by_counters", "attempts", attempts, "post", current.id());
        return new Write.Busy<>();
    }

    /** An update's transaction and the post as it writes it. */
    private record Built(List<TransactWriteItem> items, PostSummary named) {
    }

    private Built updateItems(PostSummary current, PostSummary next, Optional<Body> body, Optional<Post> keeping, Instant now) {
        Tally before = Tally.asWritten(current);
        List<Facet> had = current.facets(time.zone());
        Set<String> hadIds = ids(had);
        List<Facet> wants = next.facets(time.zone());
        // Status and time decide the tally, names do not: it is the same before and after naming.
        Tally after = Tally.of(next, now);
        // A post that comes to count (a draft published) reads its facets' counters too, not only its new
        // ones: one that counts nothing yet takes this post's spelling (facetsOf). A scheduled one whose time has come
        // reads those it waits in, in the same call: a create may have counted it there since (tallies).
        boolean comesToCount = before == Tally.NONE && after != Tally.NONE;
        List<Facet> asked = wants.stream().filter(f -> comesToCount || !hadIds.contains(id(f))).toList();
        Set<String> askedIds = ids(asked);
        List<Facet> toRead = new ArrayList<>(asked);
        boolean waitedFor = before == Tally.PENDING && mayBeSettled(current, now);
        if (waitedFor) {
            had.stream().filter(f -> !askedIds.contains(id(f))).forEach(toRead::add);
        }
        List<Item> counters = counters(toRead);
        Map<String, Facet> existing = facetsOf(asked, counters.stream().filter(d -> askedIds.contains(d.string(Keys.PK))).toList());
        Map<String, Tally> tallies = tallies(current, before, had, waitedFor ? counters : List.of());
        had.forEach(f -> existing.putIfAbsent(id(f), f));
        PostSummary named = withStoredNames(next, existing);

        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.putIfEquals(PostItems.postItem(named), PostItems.VERSION, Item.n(current.version())));
        body.ifPresent(b -> items.add(table.put(PostItems.bodyItem(named.id(), b))));
        // Unconditioned: the post item's condition holds the whole write to the version it replaces, which names this item.
        keeping.ifPresent(was -> items.add(table.put(PostItems.versionItem(was, now, now.plus(PostVersion.KEPT_FOR)))));
        Set<String> kept = new HashSet<>();
        for (Facet facet : withStoredNames(wants, existing)) {
            kept.add(id(facet));
            if (facet.kind() != Facet.Kind.MONTH) {
                // Every copy of the summary changes with the post, so no list shows an old title.
                items.add(table.put(PostItems.entryItem(named, facet)));
            }
            boolean was = hadIds.contains(id(facet));
            FacetItems.write(table.name(), new FacetItems.Change(facet, existing.containsKey(id(facet)),
                    was ? tallies.get(id(facet)) : Tally.NONE, after, named.id(), named.publishedAt())).ifPresent(items::add);
        }
        for (Facet gone : had) {
            if (!kept.contains(id(gone))) {
                leave(items, current, gone, tallies.get(id(gone)));
            }
        }
        return new Built(items, named);
    }

    /**
     * Whether a create may have counted this scheduled post in its counters: once its time has come (a create counts
     * only those), give or take a minute of another function's clock. Before it, nothing is read: its counters wait for
     * it still, which the write's conditions check.
     */
    private static boolean mayBeSettled(PostSummary post, Instant now) {
        return !post.publishedAt().isAfter(now.plus(CLOCKS_APART));
    }

    @Override
    public Write<PostSummary> delete(PostSummary current) {
        Tally before = Tally.asWritten(current);
        List<Facet> had = current.facets(time.zone());
        // Read as an update reads them: once its time may have come.
        Map<String, Tally> tallies = tallies(current, before, had, before == Tally.PENDING && mayBeSettled(current, time.now())
                ? counters(had) : List.of());
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.deleteIfEquals(Keys.post(current.id()), Keys.POST_SK, PostItems.VERSION, Item.n(current.version())));
        items.add(table.delete(Keys.post(current.id()), Keys.BODY_SK));
        // The slug's claim stays: a slug, and with it the id it names (Ids.ofSlug), is never given to another post,
        // so no cache, feed reader or ETag can take a new post for the deleted one. Reads find no post behind it.
        for (Facet facet : had) {
            leave(items, current, facet, tallies.get(id(facet)));
        }
        // Its earlier versions go with it, those the transaction has room for; any more go when their time has passed.
        items.addAll(versions.removals(current.id(), items.size()));
        return written(transactions.write(items), current);
    }

    /**
     * How the post counts in each facet it had: as written ({@link Tally#asWritten}), but for a scheduled post that a
     * create has counted in a counter since its time passed (its entry gone from the counter, as read): counted there.
     * The counters are given only for a post as written scheduled whose time may have come ({@link #mayBeSettled}):
     * before it no create counts it, and an entry missing then is no sign of one (a month counted in another zone).
     */
    private static Map<String, Tally> tallies(PostSummary post, Tally asWritten, List<Facet> had, List<Item> counters) {
        Map<String, Tally> tallies = new HashMap<>();
        had.forEach(f -> tallies.put(id(f), asWritten));
        if (asWritten == Tally.PENDING) {
            for (Item d : counters) {
                if (tallies.containsKey(d.string(Keys.PK)) && !FacetItems.waitsFor(d, post.id())) {
                    tallies.put(d.string(Keys.PK), Tally.COUNT);
                }
            }
        }
        return tallies;
    }

    /**
     * The scheduled posts a create counts for good in a counter it writes: those whose time has passed, the earliest
     * {@value #SETTLED_PER_COUNTER} (each adds a name, a value and a condition to the counter's update).
     */
    private static Map<String, Instant> due(Map<String, Instant> waiting, String creating, Instant now) {
        Map<String, Instant> due = new HashMap<>();
        // Not the post being created: its slug's id is a scheduled post's whose own title made that slug, and the slug
        // is taken (found by a review: the create threw, a 500, where it goes on to the next number).
        waiting.entrySet().stream().filter(e -> !e.getValue().isAfter(now) && !e.getKey().equals(creating))
                .sorted(Map.Entry.comparingByValue()).limit(SETTLED_PER_COUNTER)
                .forEach(e -> due.put(e.getKey(), e.getValue()));
        return due;
    }

    /** The post leaves a facet: its entry goes, and the counter gives back what the post added to it. */
    private void leave(List<TransactWriteItem> items, PostSummary post, Facet facet, Tally before) {
        if (facet.kind() != Facet.Kind.MONTH) {
            items.add(table.delete(Keys.post(post.id()), Keys.entry(facet.kind(), facet.slug())));
        }
        FacetItems.write(table.name(), new FacetItems.Change(facet, true, before, Tally.NONE,
                post.id(), post.publishedAt())).ifPresent(items::add);
    }

    /** An update's or a delete's transaction as the domain sees it: any failed condition means the post changed. */
    private static Write<PostSummary> written(Transactions.Result result, PostSummary value) {
        return switch (result) {
            case Transactions.Result.Committed c -> new Write.Applied<>(value);
            case Transactions.Result.ConditionsFailed f -> new Write.Stale<>();
            case Transactions.Result.Busy b -> new Write.Busy<>();
        };
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String authorId, String keySha256, Instant now) {
        return table.get(Keys.idempotency(authorId, keySha256), Keys.IDEM_SK)
                .map(IdempotencyItems::recordOf)
                .filter(r -> r.expiresAt().isAfter(now));
    }

    @Override
    public Map<String, String> bodiesHtml(List<String> postIds) {
        Map<String, String> bodies = new HashMap<>();
        for (Item d : table.batchGet(postIds.stream().map(id -> Table.key(Keys.post(id), Keys.BODY_SK)).toList())) {
            bodies.put(Keys.postIdOfPartition(d.string(Keys.PK)), PostItems.bodyOf(d).html());
        }
        return bodies;
    }

    @Override
    public Outcome<Page<PostSummary>> authorPosts(String authorId, int limit, Optional<String> cursor) {
        String partition = Keys.authorPosts(authorId);
        QueryRequest.Builder request = QueryRequest.builder()
                .indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI2PK))
                .expressionAttributeValues(Map.of(":pk", Item.s(partition)))
                .scanIndexForward(false)
                .limit(limit + 1);
        if (cursor.isPresent()) {
            Optional<Cursors.Position> position = Cursors.decode(cursor.get()).filter(p -> p.list().equals("mine"));
            if (position.isEmpty()) {
                return Outcome.refused(Refusal.Invalid.of("cursor", NOT_THIS_LIST));
            }
            String last = position.get().lastKey();
            request.exclusiveStartKey(Map.of(Keys.PK, Item.s(Keys.post(Keys.postIdOfSort(last))), Keys.SK, Item.s(Keys.POST_SK),
                    Keys.GSI2PK, Item.s(partition), Keys.GSI2SK, Item.s(last)));
        }
        return Outcome.done(pageOf(table.query(request), limit, "mine", "", Keys.GSI2SK));
    }

    @Override
    public List<PostSummary> authorPostsChanged(String authorId, Instant since, Instant until) {
        // A change's sort key is its time to the second, then "#" and the post's id: "$" sorts after every id of that second.
        // No Limit: the time bounds it (from a review: 25 could miss the one sought behind an author's burst of tag changes).
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
    private static Page<PostSummary> pageOf(QueryResponse response, int limit, String list, String month, String sortKey) {
        List<Map<String, AttributeValue>> found = response.items();
        List<PostSummary> items = found.stream().limit(limit).map(i -> PostItems.summaryOf(Item.of(i))).toList();
        Optional<String> next = found.size() > limit
                ? Optional.of(Cursors.encode(new Cursors.Position(list, month, found.get(limit - 1).get(sortKey).s())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public Outcome<Page<PostSummary>> page(ListQuery q, Instant now) {
        String list = q.facet().map(f -> Keys.kind(f.kind()).toLowerCase(java.util.Locale.ROOT) + ":" + f.slug()).orElse("feed");
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
            java.util.Collections.reverse(shown);
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

    @Override
    public Optional<PostSummary> neighbour(PostSummary post, Neighbours.Side side, Instant now) {
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

    @Override
    public Page<Post> published(int limit, Optional<String> cursor) {
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
            Body body = bodies.getOrDefault(s.id(), NO_BODY);
            return new Post(s, body.markdown(), body.html());
        }).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(Cursors.encode(new Cursors.Position(EVERY_PUBLISHED, "", response.lastEvaluatedKey().get(Keys.GSI1SK).s())))
                : Optional.empty();
        return new Page<>(posts, next);
    }

    @Override
    public List<FacetCount> facetCounts(Facet.Kind kind, Instant now) {
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

    @Override
    public Optional<FacetCount> findFacet(Facet.Kind kind, String slug, Instant now) {
        return table.get(Keys.counter(kind, slug), Keys.counterSort(kind)).map(d -> FacetItems.countOf(kind, d, now));
    }

    /** The counters that exist among these facets. */
    private List<Item> counters(List<Facet> facets) {
        if (facets.isEmpty()) {
            return List.of();
        }
        // getAll, not batchGet: a change of tags reads its new categories' counters ahead, with the post.
        return table.getAll(facets.stream().map(f -> FacetItems.key(f.kind(), f.slug())).toList())
                .stream().flatMap(Optional::stream).toList();
    }

    /**
     * The facets whose counters exist, by {@link #id}, named as their counters name them while any
     * post counts in them; a counter that counts nothing (only drafts had it, or its last post left)
     * takes the asking post's spelling, which its write then stores ({@link FacetItems}). So a name
     * only a draft used, or one no reader sees any more, can be put right.
     */
    private static Map<String, Facet> facetsOf(List<Facet> asked, List<Item> counters) {
        Map<String, Facet> askedById = new HashMap<>();
        asked.forEach(f -> askedById.put(id(f), f));
        Map<String, Facet> found = new LinkedHashMap<>();
        for (Item d : counters) {
            Facet mine = askedById.get(d.string(Keys.PK));
            Facet stored = FacetItems.facetOf(mine.kind(), d);
            found.put(id(stored), FacetItems.countsAnything(d) ? stored : mine);
        }
        return found;
    }

    private static String id(Facet facet) {
        return Keys.counter(facet.kind(), facet.slug());
    }

    private static Set<String> ids(List<Facet> facets) {
        Set<String> ids = new HashSet<>();
        facets.forEach(f -> ids.add(id(f)));
        return ids;
    }

    private static List<Facet> withStoredNames(List<Facet> facets, Map<String, Facet> existing) {
        return facets.stream().map(f -> existing.getOrDefault(id(f), f)).toList();
    }

    private static PostSummary withStoredNames(PostSummary s, Map<String, Facet> existing) {
        List<Tag> named = s.tags().stream().map(t -> {
            Facet stored = existing.get(Keys.counter(Facet.Kind.CATEGORY, t.slug()));
            return stored == null ? t : new Tag(t.slug(), stored.name());
        }).toList();
        return s.withTagNames(named);
    }
}
