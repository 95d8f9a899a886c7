package se.inlagg.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import se.inlagg.auth.Authors;
import se.inlagg.auth.Sessions;
import se.inlagg.config.Settings;
import se.inlagg.images.BucketImageFiles;
import se.inlagg.images.BucketSettings;
import se.inlagg.images.ImageBucket;
import se.inlagg.images.ImageService;
import se.inlagg.images.S3ImageBucket;
import se.inlagg.posts.PostService;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Slugs;
import se.inlagg.search.IndexFiles;
import se.inlagg.search.SearchService;
import se.inlagg.store.AuthorStore;
import se.inlagg.store.DynamoPostRepository;
import se.inlagg.store.RateLimitStore;
import se.inlagg.store.ReadAhead;
import se.inlagg.store.SessionStore;
import se.inlagg.store.Table;
import se.inlagg.store.Transactions;
import se.inlagg.store.WriteAllowance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.utils.Lazy;

/**
 * Builds the object graph by hand, once per container: no DI container, no classpath scanning,
 * so cold start pays only for what a handler uses.
 */
public final class Wiring {

    /** Time one transaction may spend retrying conflicts (DynamoDB's TransactionConflict). */
    public static final Duration TRANSACTION_BUDGET = Duration.ofSeconds(3);
    /**
     * Time a write may spend re-reading after other writers changed the post first, before it
     * answers 503. With the transaction budget it stays under the writers' 15 s Lambda timeout.
     */
    public static final Duration WRITE_BUDGET = Duration.ofSeconds(8);

    private final PostService posts;
    private final Authors authors;
    private final Sessions sessions;
    private final ReadAhead readAhead;
    private final Settings settings;
    private final Supplier<Optional<ImageBucket>> bucket;
    private final Clock clock;
    /** Null for the standard one (S3): no lambda made here, so functions that never search never load search's classes. */
    private final Supplier<IndexFiles> indexFiles;
    private SearchService search;

    public Wiring(DynamoDbClient client, Settings settings, Clock clock) {
        this(client, settings, clock, TRANSACTION_BUDGET, WRITE_BUDGET);
    }

    /** With other retry budgets: tests that inject failures need not wait out the real ones. */
    public Wiring(DynamoDbClient client, Settings settings, Clock clock, Duration transactionBudget, Duration writeBudget) {
        this(() -> client, settings, clock, transactionBudget, writeBudget, Wiring::standardBucket, null);
    }

    /** With the search index somewhere of the caller's choosing (a test's recording client, a tool's bucket). */
    public static Wiring withSearchIndex(DynamoDbClient client, Settings settings, Clock clock, Supplier<IndexFiles> indexFiles) {
        return withBuckets(client, settings, clock, Wiring::standardBucket, indexFiles);
    }

    /** With both: the pictures bucket and the search index's files. */
    public static Wiring withBuckets(DynamoDbClient client, Settings settings, Clock clock, Supplier<Optional<ImageBucket>> bucket,
                                     Supplier<IndexFiles> indexFiles) {
        return new Wiring(() -> client, settings, clock, TRANSACTION_BUDGET, WRITE_BUDGET, bucket, indexFiles);
    }

    private Wiring(Supplier<DynamoDbClient> client, Settings settings, Clock clock, Duration transactionBudget, Duration writeBudget,
                   Supplier<Optional<ImageBucket>> bucket, Supplier<IndexFiles> indexFiles) {
        this.settings = settings;
        this.clock = clock;
        this.indexFiles = indexFiles;
        // Built on first use: a function that never touches a picture never loads the S3 client.
        this.bucket = new Lazy<>(bucket)::getValue;
        Table table = new Table(settings.tableName(), client);
        Transactions transactions = new Transactions(client, transactionBudget);
        SiteTime time = new SiteTime(settings.siteZone(), clock);
        this.posts = new PostService(new DynamoPostRepository(table, transactions, time,
                new WriteAllowance(settings.authorWriteUnitsPerHour())), time, writeBudget,
                new BucketImageFiles(this.bucket));
        this.authors = new Authors(new AuthorStore(table, transactions));
        this.sessions = new Sessions(new SessionStore(table, transactions), authors, new RateLimitStore(table));
        this.readAhead = new ReadAhead(table);
    }

    private static Optional<ImageBucket> standardBucket() {
        return BucketSettings.fromEnvironment().map(b -> new S3ImageBucket(b, S3ImageBucket.standardParts(b)));
    }

    public static Wiring shared() {
        return Shared.INSTANCE;
    }

    public PostService posts() {
        return posts;
    }

    public Authors authors() {
        return authors;
    }

    public Sessions sessions() {
        return sessions;
    }

    /**
     * Does {@code work}, a request to change the post with this slug from a page signed in with this session,
     * with the session and the post by its slug read first in one call instead of one after another (store.ReadAhead). As
     * plain {@code work} where there is no session, or no slug to look up.
     */
    public <T> T withSessionAndSlug(Optional<String> sessionId, Optional<String> slug, Supplier<T> work) {
        Optional<String> stored = sessionId.flatMap(Sessions::storedAs);
        if (stored.isEmpty() || slug.filter(Slugs::isSlug).isEmpty()) {
            return work.get();
        }
        return readAhead.sessionAndSlug(stored.get(), slug.get(), work);
    }

    public Settings settings() {
        return settings;
    }

    /** Uploaded pictures; empty where no bucket is configured (pictures elsewhere still show). */
    public Optional<ImageService> images() {
        return bucket.get().map(b -> new ImageService(b, posts));
    }

    /**
     * Search, built on first use: only the search functions and the indexer ever call this, so only
     * they load Lucene and the search index's S3 client. The one instance keeps this container's
     * copy of the index.
     */
    public synchronized SearchService search() {
        if (search == null) {
            search = indexFiles != null ? new SearchService(indexFiles.get(), posts, clock) : SearchService.inS3(searchBucket(), posts, clock);
        }
        return search;
    }

    private String searchBucket() {
        return settings.searchBucket().orElseThrow(() -> new IllegalStateException(
                Settings.SEARCH_BUCKET + " is not set: it names the bucket of the search index (see template.yaml)"));
    }

    /**
     * Lazy holder: the graph is built on first use, by whichever handler the container runs (or by
     * its priming, before a SnapStart snapshot).
     */
    private static final class Shared {
        // The DynamoDB client too is made on first use: the search functions never call it, and a page
        // reads the table only for a signed-in reader's session.
        static final Wiring INSTANCE = new Wiring(new Lazy<>(Table::standardClient)::getValue, Settings.fromEnvironment(), Clock.systemUTC(),
                TRANSACTION_BUDGET, WRITE_BUDGET, Wiring::standardBucket, null);
    }
}
