package se.inlagg.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import se.inlagg.ops.Log;
import se.inlagg.posts.Backoff;
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
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.SlugClaim;
import se.inlagg.posts.Status;
import se.inlagg.posts.Tag;
import se.inlagg.posts.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Posts and their facets in the one DynamoDB table: every read a BatchGetItem or one Query. The lists, paged by cursors,
 * are read by {@link PostLists}.
 */
public final class DynamoPostRepository implements PostRepository {

    /** A create's operations that fail when its slug is taken: the claim (first) and the post item its slug names (third). */
    private static final Set<Integer> SLUG_TAKEN = Set.of(0, 2);
    /** How many times an update refused by its counters alone is read and made again. */
    private static final int COUNTER_ATTEMPTS = 3;
    /** How long an update refused by its counters may go on reading them again and writing (a refusal comes in milliseconds). */
    private static final Duration REBUILD_WITHIN = Duration.ofSeconds(1);
    /** How long a post and its body are read again while a write keeps landing between them (findById). */
    private static final Duration TORN_READS_WITHIN = Duration.ofSeconds(1);
    /** How far another function's clock may be from this one's, as to whether a scheduled post's time has come. */
    private static final Duration CLOCKS_APART = Duration.ofMinutes(1);
    /** The most scheduled posts whose time has passed that one create counts for good in one counter. */
    static final int SETTLED_PER_COUNTER = 25;

    private final Table table;
    private final Transactions transactions;
    private final SiteTime time;
    private final PostVersions versions;
    private final PostLists lists;
    private final WriteAllowance allowance;

    public DynamoPostRepository(Table table, Transactions transactions, SiteTime time) {
        this(table, transactions, time, WriteAllowance.NONE);
    }

    /** Every write of a post takes its units from its author's {@code allowance}. */
    public DynamoPostRepository(Table table, Transactions transactions, SiteTime time, WriteAllowance allowance) {
        this.table = table;
        this.transactions = transactions;
        this.time = time;
        this.allowance = allowance;
        this.versions = new PostVersions(table);
        this.lists = new PostLists(table, time);
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
        items.add(table.putIfAbsent(PostItems.postItem(summary, summary.version())));
        items.add(table.put(PostItems.bodyItem(summary.id(), summary.version(), new Body(post.body(), post.bodyHtml()), summary.excerpt())));
        request.ifPresent(r -> items.add(IdempotencyItems.putUnlessLive(table.name(), summary, r, now)));
        for (Facet facet : withStoredNames(facets, existing)) {
            if (facet.kind() != Facet.Kind.MONTH) {
                items.add(table.put(PostItems.entryItem(summary, facet)));
            }
            FacetItems.write(table.name(), new FacetItems.Change(facet, existing.containsKey(id(facet)),
                    Tally.NONE, tally, summary.id(), summary.publishedAt(), due(waiting.getOrDefault(id(facet), Map.of()), summary.id(), now)))
                    .ifPresent(items::add);
        }
        Optional<Charged> charged = charge(items, summary.authorId(), 0, false, now);
        return switch (transactions.write(items)) {
            case Transactions.Result.Committed c -> {
                settle(charged, summary.authorId(), c, now);
                yield new Write.Applied<>(new Post(summary, post.body(), post.bodyHtml()));
            }
            case Transactions.Result.ConditionsFailed f when spent(f, charged) -> allowanceSpent(summary.authorId(), now);
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
            Optional<PostSummary> summary = read.get(1).map(PostItems::summaryOf);
            // A post and body read with a write between them are read again, by the Query that checks it too.
            return postIdOf(read.get(0)).flatMap(id -> id.equals(named) && summary.filter(s -> together(s, read.get(2))).isPresent()
                    ? summary.map(s -> PostItems.postOf(s, read.get(2)))
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
    public <T> T readingAhead(String slug, List<Facet> facets, Supplier<T> work) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(PostItems.bySlug(slug, Ids.ofSlug(slug), false));
        facets.forEach(f -> keys.add(FacetItems.key(f.kind(), f.slug())));
        return table.readingAhead(keys, work);
    }

    private static Optional<String> postIdOf(Optional<Item> claim) {
        return claim.map(c -> c.string(PostItems.POST_ID));
    }

    /**
     * The post and its body, read together: read again while they do not belong together (a write committed between the
     * Query's two items: {@link #together}), with a pause, for up to a second, which writes landing in that window of
     * microseconds each time would take to outlast. A pair that never agrees is no write's doing but items written
     * otherwise (by hand, say): it is answered as read, as before the check, and said.
     */
    @Override
    public Optional<Post> findById(String id) {
        Backoff backoff = Backoff.within(TORN_READS_WITHIN);
        while (true) {
            Optional<Read> read = readPostAndBody(id);
            boolean agree = read.isEmpty() || together(read.get().summary(), read.get().body());
            if (!agree) {
                Log.warn("post_read_across_a_write", "post", id);
            }
            if (agree || !backoff.pause()) {
                return read.map(r -> PostItems.postOf(r.summary(), r.body()));
            }
        }
    }

    /** A post item and the body item beside it, as one Query read them. */
    private record Read(PostSummary summary, Optional<Item> body) {
    }

    private Optional<Read> readPostAndBody(String id) {
        // "BODY" < "POST" < "POST#…" (the entries): one consistent Query reads the summary and the body, nothing else.
        QueryResponse response = table.query(QueryRequest.builder()
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :body AND :post")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.post(id)), ":body", Item.s(Keys.BODY_SK),
                        ":post", Item.s(Keys.POST_SK)))
                .consistentRead(true));
        PostSummary summary = null;
        Optional<Item> body = Optional.empty();
        for (var raw : response.items()) {
            Item item = Item.of(raw);
            switch (item.string(Keys.SK)) {
                case Keys.POST_SK -> summary = PostItems.summaryOf(item);
                case Keys.BODY_SK -> body = Optional.of(item);
                default -> throw new IllegalStateException("an entry sorts between BODY and POST: " + item.string(Keys.SK));
            }
        }
        return summary == null ? Optional.empty() : Optional.of(new Read(summary, body));
    }

    /**
     * Whether a body read with its post is the one the post names ({@link PostItems#BODY_VERSION}): DynamoDB reads the
     * items of one Query or BatchGetItem each as committed when it reaches them (read-committed against a transaction, as
     * its guide says), so an edit committing between them pairs the old text with the new post, and an edit made from
     * that would write the old words back over the new, and one read across the create of both would pair the post with
     * no text. A post or a body stored before the version was recorded names none (0), and is taken as it is.
     */
    private static boolean together(PostSummary summary, Optional<Item> body) {
        if (summary.bodyVersion() == 0) {
            return true;
        }
        // No body where the post names one: read before the create that wrote both, or after the delete of both.
        long written = body.map(PostItems::bodyWrittenAt).orElse(-1L);
        return written == 0 || written == summary.bodyVersion();
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
        // author's, to be answered "changed since you opened it" or 412: the counters are read again and the write made
        // again, a few times, then Busy. Only within a second: an attempt that spent its transaction's budget on conflicts
        // ends them, so an update takes at most a second more than one transaction's budget, which the caller's budget
        // (Wiring.WRITE_BUDGET) and the functions' timeout allow for.
        long started = System.nanoTime();
        int attempts = 0;
        // An edit's text put over a longer one is billed the longer's size.
        long shrunk = keeping.flatMap(was -> body.map(b -> (long) Item.utf8Bytes(was.body()) + Item.utf8Bytes(was.bodyHtml())
                - Item.utf8Bytes(b.markdown()) - Item.utf8Bytes(b.html()))).filter(bytes -> bytes > 0).orElse(0L);
        // Taking a published post back to draft is never refused, as a delete is not (WriteAllowance): by the route
        // that takes it back, or by an edit that does (PATCH {"status": "draft"}, the form's "Spara som utkast"). Each
        // such write follows a publish, which is refused when the hour is spent, so no loop of them gets past it.
        boolean takingDown = current.status() == Status.PUBLISHED && next.status() == Status.DRAFT;
        while (attempts < COUNTER_ATTEMPTS) {
            attempts++;
            Built built = updateItems(current, next, body, keeping, now);
            Optional<Charged> charged = charge(built.items(), current.authorId(), shrunk, takingDown, now);
            Transactions.Result result = transactions.write(built.items());
            if (!(result instanceof Transactions.Result.ConditionsFailed f) || f.operations().contains(0) || spent(f, charged)) {
                return written(result, built.named(), charged, now);
            }
            if (System.nanoTime() - started > REBUILD_WITHIN.toNanos()) {
                break;
            }
        }
        // Said where an operator looks, not a silent 503: a counter that kept refusing, a clock far off
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
        // One it had and is named anew is read too: a name no post counts in is this post's to put right (a draft's).
        List<Facet> asked = wants.stream().filter(f -> comesToCount || !had.contains(f)).toList();
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
        // The post names the version that wrote its body: this one when it writes it, else the one it read.
        items.add(table.putIfEquals(PostItems.postItem(named, body.isPresent() ? named.version() : current.bodyVersion()),
                PostItems.VERSION, Item.n(current.version())));
        body.ifPresent(b -> items.add(table.put(PostItems.bodyItem(named.id(), named.version(), b, named.excerpt()))));
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
        // Room is kept for the allowance's operation.
        items.addAll(versions.removals(current.id(), items.size() + 1));
        Instant now = time.now();
        Optional<Charged> charged = charge(items, current.authorId(), 0, true, now);
        return written(transactions.write(items), current, charged, now);
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
        // Not the post being created: its slug's id may be a scheduled post's whose own title made that slug; the slug
        // is then taken and the create goes on to the next number, where counting it here would throw (a 500).
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

    /**
     * An update's or a delete's transaction as the domain sees it: the author's allowance spent, or else any failed
     * condition means the post changed.
     */
    private Write<PostSummary> written(Transactions.Result result, PostSummary value, Optional<Charged> charged, Instant now) {
        return switch (result) {
            case Transactions.Result.Committed c -> {
                settle(charged, value.authorId(), c, now);
                yield new Write.Applied<>(value);
            }
            case Transactions.Result.ConditionsFailed f when spent(f, charged) -> allowanceSpent(value.authorId(), now);
            case Transactions.Result.ConditionsFailed f -> new Write.Stale<>();
            case Transactions.Result.Busy b -> new Write.Busy<>();
        };
    }

    /** The author's charge for a write, and where in the write it is. */
    private record Charged(WriteAllowance.Charge charge, int at) {
    }

    /** Adds the author's charge for the write last, so the others keep their places. */
    private Optional<Charged> charge(List<TransactWriteItem> items, String authorId, long shrunkBytes, boolean takingDown, Instant now) {
        Optional<WriteAllowance.Charge> charge = allowance.charge(table.name(), authorId, items, shrunkBytes, takingDown, now);
        charge.ifPresent(c -> items.add(c.operation()));
        return charge.map(c -> new Charged(c, items.size() - 1));
    }

    /** What the committed write consumed beyond its charge is taken too. */
    private void settle(Optional<Charged> charged, String authorId, Transactions.Result.Committed committed, Instant now) {
        charged.ifPresent(c -> allowance.topUp(table, authorId, c.charge(), committed.units(), now));
    }

    /** Whether the author's charge refused the write. */
    private static boolean spent(Transactions.Result.ConditionsFailed failed, Optional<Charged> charged) {
        return charged.filter(c -> c.charge().refuses() && failed.operations().contains(c.at())).isPresent();
    }

    /**
     * Said where an operator looks: a script of an author's gone wrong, or a token used by someone else. The id, not a
     * name, is what revoke-author and new-token take (docs/OPERATIONS.md).
     */
    private static <T> Write<T> allowanceSpent(String authorId, Instant now) {
        Duration renewed = WriteAllowance.untilRenewed(now);
        Log.warn("write_allowance_spent", "author", authorId, "renewedInSeconds", renewed.toSeconds());
        return new Write.AllowanceSpent<>(renewed);
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
    public Outcome<Page<PostSummary>> authorPosts(String authorId, Optional<Status> status, int limit, Optional<String> cursor) {
        return lists.authorPosts(authorId, status, limit, cursor);
    }

    @Override
    public List<PostSummary> authorPostsChanged(String authorId, Instant since, Instant until) {
        return lists.authorPostsChanged(authorId, since, until);
    }

    @Override
    public Outcome<Page<PostSummary>> page(ListQuery q, Instant now) {
        return lists.page(q, now);
    }

    @Override
    public Optional<PostSummary> neighbour(PostSummary post, Neighbours.Side side, Instant now) {
        return lists.neighbour(post, side, now);
    }

    @Override
    public Page<Post> published(int limit, Optional<String> cursor) {
        return lists.published(limit, cursor);
    }

    @Override
    public List<FacetCount> facetCounts(Facet.Kind kind, Instant now) {
        return lists.facetCounts(kind, now);
    }

    @Override
    public Optional<FacetCount> findFacet(Facet.Kind kind, String slug, Instant now) {
        return lists.findFacet(kind, slug, now);
    }

    @Override
    public List<Tag> namedAsStored(List<Tag> tags) {
        List<Facet> asked = tags.stream().map(Facet::category).toList();
        return tagsWithStoredNames(tags, facetsOf(asked, counters(asked)));
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
        return s.withTagNames(tagsWithStoredNames(s.tags(), existing));
    }

    /** The tags named as their categories' counters name them, where one was read; as given otherwise. */
    private static List<Tag> tagsWithStoredNames(List<Tag> tags, Map<String, Facet> existing) {
        return tags.stream().map(t -> {
            Facet stored = existing.get(Keys.counter(Facet.Kind.CATEGORY, t.slug()));
            return stored == null ? t : new Tag(t.slug(), stored.name());
        }).toList();
    }
}
