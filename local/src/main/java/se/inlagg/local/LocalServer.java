package se.inlagg.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import se.inlagg.app.Wiring;
import se.inlagg.auth.Authors;
import se.inlagg.config.Settings;
import se.inlagg.emulator.dynamodb.EmbeddedDynamoDb;
import se.inlagg.posts.Byline;
import se.inlagg.search.RebuildProgress;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole service on a laptop: the handlers of template.yaml behind an emulated HTTP API, on
 * the embedded DynamoDB whose data lives in the data directory. No Docker and no AWS account needed.
 */
public final class LocalServer implements AutoCloseable {

    /** How long a stop waits for requests in flight; an idle server stops at once. */
    static final int STOP_GRACE_SECONDS = 5;


    static final String DEV_TOKEN_FILE = "dev-token";
    static final Byline DEV_AUTHOR = new Byline("Lokal utvecklare",
            Optional.of("utvecklare"), Optional.of("Lokalt"));

    /**
     * How to start: the template to serve, where data lives, the port (0 for any free one),
     * optionally another DynamoDB endpoint to use instead of the embedded one in this JVM, whether a
     * new table gets the example posts (a newcomer's first look; tests start empty), and optionally
     * another S3 endpoint instead of the embedded one, with the names of the pictures' and the search
     * index's buckets there (servers sharing one endpoint each need their own).
     */
    public record Options(Path template, Path dataDir, int port, Optional<String> devToken, Optional<URI> dynamoEndpoint,
                          Optional<String> tableName, boolean seedExamples, Optional<URI> s3Endpoint, Optional<String> bucketName,
                          Optional<String> searchBucketName) {
        /** Without examples: what the tests start from. */
        public Options(Path template, Path dataDir, int port, Optional<String> devToken, Optional<URI> dynamoEndpoint,
                       Optional<String> tableName) {
            this(template, dataDir, port, devToken, dynamoEndpoint, tableName, false, Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Options(Path template, Path dataDir, int port, Optional<String> devToken, Optional<URI> dynamoEndpoint,
                       Optional<String> tableName, boolean seedExamples) {
            this(template, dataDir, port, devToken, dynamoEndpoint, tableName, seedExamples, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        /**
         * Pictures and the search index on another S3 endpoint (LocalStack) instead of the embedded S3
         * in this JVM, in the template's buckets.
         */
        public Options withS3(URI s3Endpoint) {
            return new Options(template, dataDir, port, devToken, dynamoEndpoint, tableName, seedExamples,
                    Optional.of(s3Endpoint), Optional.empty(), Optional.empty());
        }

        /** The same, in buckets of these names (servers on one shared endpoint each take their own). */
        public Options withS3(URI s3Endpoint, String picturesBucket, String searchBucket) {
            return new Options(template, dataDir, port, devToken, dynamoEndpoint, tableName, seedExamples,
                    Optional.of(s3Endpoint), Optional.of(picturesBucket), Optional.of(searchBucket));
        }
    }

    /**
     * In the data folder while a new folder's example posts are owed (SeedPosts): as a start adds them, or after a command
     * made the table before the first start (LocalTable); the next start adds what is missing.
     */
    static final String SEEDING = "seeding";

    /** The search index's bucket when no other name is given (the template's has a generated name). */
    static final String DEFAULT_SEARCH_BUCKET = "inlagg-search";

    private final HttpServer http;
    private final ExecutorService executor;
    private final LocalDynamo dynamo;
    private final Options options;
    private final String devToken;
    private final String tableName;
    private final List<String> seeded;
    private final LocalS3 s3;
    private final LocalBucket bucket;
    private final String searchBucket;
    private final List<StreamPoller> pollers;

    private LocalServer(HttpServer http, ExecutorService executor, LocalDynamo dynamo, LocalS3 s3, Options options, String devToken,
                        String tableName, List<String> seeded, LocalBucket bucket, String searchBucket, List<StreamPoller> pollers) {
        this.http = http;
        this.executor = executor;
        this.dynamo = dynamo;
        this.options = options;
        this.devToken = devToken;
        this.tableName = tableName;
        this.seeded = seeded;
        this.s3 = s3;
        this.bucket = bucket;
        this.searchBucket = searchBucket;
        this.pollers = pollers;
    }

    /**
     * Whether a server runs in this JVM. The functions read their settings (the table, the S3 endpoint, the buckets) from
     * system properties, which each server's start sets ({@link Functions#load}): a second server would change them under
     * the first, whose functions wired after that would use the second's table and S3, and, once it stopped, none (a
     * search would answer 500, its S3 gone). So a second start is refused.
     */
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    /** A mark in the data folder (the seeding one), the folder made if need be; a folder that cannot be written says so. */
    static void mark(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + file.getParent(), e);
        }
    }

    public static LocalServer start(Options options) throws Exception {
        if (!RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("an Inlägg server already runs in this JVM, and the functions read their settings from "
                    + "system properties, one server's at a time: stop it first");
        }
        try {
            return startAlone(options);
        } catch (Throwable e) {
            RUNNING.set(false);
            throw e;
        }
    }

    private static LocalServer startAlone(Options options) throws Exception {
        Template template = Template.read(options.template());
        // Before anything opens it: the server writes its token, stream positions and (embedded) tables there.
        FolderNotWritable.check(options.dataDir());
        // The folder's lock first, so a second start on it names the server that holds it, whatever its port.
        LocalDynamo dynamo = options.dynamoEndpoint().isPresent()
                ? LocalDynamo.external(options.dynamoEndpoint().get())
                : LocalDynamo.start(options.dataDir());
        HttpServer http = null;
        boolean serving = false;
        LocalS3 s3 = null;
        try {
            // Then the port: a taken one stops the start before it makes a table, an author or the examples (else the next
            // start's banner would not say they are new). Bound, not served: connections wait until the handlers are in place.
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
            Files.createDirectories(options.dataDir());
            String table = options.tableName().orElse(TableFromTemplate.tableName(template));
            try (DynamoDbClient admin = dynamo.client()) {
                // Only into a new table (a folder whose examples someone deleted keeps them deleted), or one whose
                // seeding a stop cut short: the mark, written before the table is made, stays until the examples are all
                // in (a kill -9 in the first second may leave one example or none, and a later start must add them).
                Path seeding = options.dataDir().resolve(SEEDING);
                TableFromTemplate.ensure(admin, template, table, true, () -> {
                    if (options.seedExamples()) {
                        mark(seeding, "the example posts are being added; the next start adds any missing\n");
                    }
                });
                String token = devAuthor(admin, table, options);
                List<String> seeded = options.seedExamples() && Files.exists(seeding)
                        ? LocalInvocation.run("seed", () -> SeedPosts.seed(new Wiring(admin, new Settings(table, SeedPosts.ZONE), Clock.systemUTC())))
                                .stream().filter(SeedPosts.Seeded::added).map(SeedPosts.Seeded::slug).toList()
                        : List.of();
                Files.deleteIfExists(seeding);
                s3 = options.s3Endpoint().map(LocalS3::external).orElseGet(() -> LocalS3.start(options.dataDir()));
                LocalBucket bucket = new LocalBucket(s3.endpoint(), options.bucketName().orElse(LocalBucket.nameIn(template)));
                bucket.ensure(template);
                String searchBucket = options.searchBucketName().orElse(DEFAULT_SEARCH_BUCKET);
                s3.ensureBucket(searchBucket);
                Map<String, LambdaFunction> functions = Functions.load(template, dynamo, table, Optional.of(bucket), Optional.of(searchBucket));
                Gateway gateway = new Gateway(new Router(template.routes()), functions,
                        template.authorizerFunctionId().map(functions::get));
                LocalS3 indexStore = s3;
                Runnable rebuildIndex = () -> rebuildSearchIndex(dynamo, indexStore, table, searchBucket);
                List<StreamPoller> pollers = streamPollers(template, functions, admin, dynamo.endpoint(), table, options.dataDir(), rebuildIndex);
                ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
                http.setExecutor(executor);
                http.createContext("/", new GatewayHttpHandler(gateway, () -> System.out));
                http.start();
                serving = true;
                // Absolute links point at this server unless the template configures an address: at the address the
                // banner prints, since a picture's upload sends the browser back there, and a session cookie set for
                // localhost is not sent to 127.0.0.1 (nor is a form on one allowed to go on to the other).
                if (System.getProperty(Settings.SITE_URL, "").isBlank()) {
                    System.setProperty(Settings.SITE_URL, address(http.getAddress().getPort()).toString());
                }
                LocalServer server = new LocalServer(http, executor, dynamo, s3, options, token, table, seeded, bucket, searchBucket, pollers);
                if (options.dynamoEndpoint().isEmpty()) {
                    DataFolder.announce(options.dataDir(), server.running());
                }
                return server;
            }
        } catch (Exception e) {
            if (http != null) {
                // One not yet serving is started only to be stopped: the JDK's server closes its selector in the thread start
                // makes, so stopping one never started would leave it open; starting one twice throws.
                if (!serving) {
                    http.start();
                }
                http.stop(0);
            }
            if (s3 != null) {
                s3.close();
            }
            dynamo.close();
            throw e;
        }
    }

    public URI baseUri() {
        return address(port());
    }

    /** Where the server answers on this port: loopback, by the name browsers and the banner use. */
    private static URI address(int port) {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** This server as its data folder's server.json names it. */
    DataFolder.RunningServer running() {
        return new DataFolder.RunningServer(ProcessHandle.current().pid(), port(), baseUri());
    }

    /** The slugs of the example posts this start added (none unless the table was new and examples were asked for). */
    List<String> seeded() {
        return seeded;
    }

    /** The pictures bucket: on the embedded S3 unless the options named another endpoint. */
    LocalBucket bucket() {
        return bucket;
    }

    /** A token of a local author, for curl and tests. */
    public String devToken() {
        return devToken;
    }

    public String tableName() {
        return tableName;
    }

    /** This server's embedded DynamoDB, for tests that make its indexes lag; empty on another endpoint. */
    Optional<EmbeddedDynamoDb> embeddedDynamo() {
        return dynamo.embedded();
    }

    /** A client on this server's DynamoDB, for tests that look at the table itself. */
    public DynamoDbClient dynamoClient() {
        return dynamo.client();
    }

    /** The bucket of the search index, for tests that look at it. */
    public String searchBucket() {
        return searchBucket;
    }

    /** The S3 endpoint of the pictures and the search index. */
    public URI s3Endpoint() {
        return s3.endpoint();
    }

    /** Whether this server was closed: a second close does nothing, and leaves alone a server started since. */
    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stop();
        } finally {
            RUNNING.set(false);
        }
    }

    private void stop() throws Exception {
        // Requests in flight are answered first (a few seconds at most), as Lambda ends an invocation before its
        // sandbox goes, not cut off by a Ctrl-C under load with a 500 and a reset connection.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
        http.stop(STOP_GRACE_SECONDS);
        executor.shutdown();
        if (!executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            executor.shutdownNow();
        }
        for (StreamPoller poller : pollers) {
            poller.close();
        }
        if (options.dynamoEndpoint().isEmpty()) {
            DataFolder.withdraw(options.dataDir(), ProcessHandle.current().pid());
        }
        s3.close();
        dynamo.close();
    }

    /**
     * Lambda's event source mappings for the template's DynamoDB stream events: one poller each on the
     * table's stream, invoking its function in-process.
     */
    private static List<StreamPoller> streamPollers(Template template, Map<String, LambdaFunction> functions, DynamoDbClient admin,
                                                    URI endpoint, String table, Path dataDir, Runnable rebuildIndex) {
        List<StreamPoller> pollers = new ArrayList<>();
        if (template.streamSources().isEmpty()) {
            return pollers;
        }
        String streamArn = admin.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("the table " + table + " has no stream, but " + template.streamSources().getFirst().functionId()
                    + " reads one: is StreamSpecification in template.yaml?");
        }
        for (Template.StreamSource source : template.streamSources()) {
            // The template's one stream consumer keeps the search index, which is rebuilt from the table when changes went unread.
            pollers.add(new StreamPoller(source, functions.get(source.functionId()), endpoint, streamArn, dataDir, rebuildIndex).start());
        }
        return pollers;
    }

    /** What `./inlagg reindex` does, in the server: the search index built anew from every published post in the table. */
    private static void rebuildSearchIndex(LocalDynamo dynamo, LocalS3 s3, String table, String searchBucket) {
        try (DynamoDbClient client = dynamo.client(); var s3Client = s3.client()) {
            var built = LocalTable.reindex(client, table, s3Client, searchBucket, RebuildProgress.UNTOLD);
            System.err.println("search index built anew from the table: " + built.indexed() + " posts");
        }
    }

    /**
     * The author whose token local tools use: INLAGG_DEV_TOKEN when given, else the one saved in the
     * data directory, else a new one saved there (owner-only) so it survives restarts. A saved token the
     * table does not know is registered again (a table made anew, another DynamoDB endpoint); one revoked
     * here is not, as revoke-author deletes the file ({@link Main}).
     */
    private static String devAuthor(DynamoDbClient client, String table, Options options) throws IOException {
        Authors authors = new Wiring(client, new Settings(table, ZoneId.of("UTC")), Clock.systemUTC()).authors();
        Path saved = options.dataDir().resolve(DEV_TOKEN_FILE);
        Optional<String> token = options.devToken().or(() -> savedToken(saved));
        if (token.isPresent() && authors.knows(token.get())) {
            return token.get();
        }
        String made = token.isPresent()
                ? authors.create(DEV_AUTHOR, token.get(), Clock.systemUTC().instant()).token()
                : authors.create(DEV_AUTHOR, Clock.systemUTC().instant()).token();
        if (options.devToken().isEmpty()) {
            try {
                Files.writeString(saved, made, StandardCharsets.UTF_8);
            } catch (FileSystemException e) {
                // A folder named as the token's file, say: said, not a stack trace.
                throw FolderNotWritable.writing(options.dataDir(), e);
            }
            try {
                Files.setPosixFilePermissions(saved, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data directory is the developer's own
            }
        }
        return made;
    }

    /** The local server's own token as saved in its data folder (DEV_TOKEN_FILE), if there is one. */
    static Optional<String> savedToken(Path file) {
        try {
            // An empty file is no token, not an author's token of the empty string.
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
