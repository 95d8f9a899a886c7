package se.inlagg.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import se.inlagg.app.Wiring;
import se.inlagg.auth.Authors;
import se.inlagg.config.Settings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole service on a laptop: the handlers of template.yaml behind an emulated HTTP API, on
 * DynamoDB Local whose data lives in the data directory. No Docker and no AWS account needed.
 */
public final class LocalServer implements AutoCloseable {

    /** API Gateway refuses larger requests before any function runs. */
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    static final String DEV_TOKEN_FILE = "dev-token";
    static final se.inlagg.posts.Byline DEV_AUTHOR = new se.inlagg.posts.Byline("Lokal utvecklare",
            java.util.Optional.of("Utvecklare"), java.util.Optional.of("Lokalt"));

    /**
     * How to start: the template to serve, where data lives, the port (0 for any free one), and
     * optionally another DynamoDB endpoint to use instead of DynamoDB Local in this JVM, an S3 endpoint
     * for the search index, and other names for the table and the index's bucket (servers sharing one
     * endpoint each need their own).
     */
    public record Options(Path template, Path dataDir, int port, Optional<String> devToken, Optional<URI> dynamoEndpoint,
                          Optional<String> tableName, Optional<URI> s3Endpoint, Optional<String> bucketName) {
        public Options(Path template, Path dataDir, int port, Optional<String> devToken) {
            this(template, dataDir, port, devToken, Optional.empty(), Optional.empty());
        }

        public Options(Path template, Path dataDir, int port, Optional<String> devToken, Optional<URI> dynamoEndpoint) {
            this(template, dataDir, port, devToken, dynamoEndpoint, Optional.empty());
        }

        public Options(Path template, Path dataDir, int port, Optional<String> devToken, Optional<URI> dynamoEndpoint,
                       Optional<String> tableName) {
            this(template, dataDir, port, devToken, dynamoEndpoint, tableName, Optional.empty(), Optional.empty());
        }

        /** The same, with the search index in this bucket on this S3 endpoint. */
        public Options withS3(Optional<URI> endpoint, Optional<String> bucket) {
            return new Options(template, dataDir, port, devToken, dynamoEndpoint, tableName, endpoint, bucket);
        }
    }

    /** The search index's bucket when no other name is given (the template's has a generated name). */
    static final String DEFAULT_BUCKET = "inlagg-search";

    private final HttpServer http;
    private final ExecutorService executor;
    private final LocalDynamo dynamo;
    private final String devToken;
    private final String tableName;
    private final Optional<LocalS3> s3;
    private final String bucket;
    private final List<StreamPoller> pollers;

    private LocalServer(HttpServer http, ExecutorService executor, LocalDynamo dynamo, String devToken, String tableName,
                        Optional<LocalS3> s3, String bucket, List<StreamPoller> pollers) {
        this.http = http;
        this.executor = executor;
        this.dynamo = dynamo;
        this.devToken = devToken;
        this.tableName = tableName;
        this.s3 = s3;
        this.bucket = bucket;
        this.pollers = pollers;
    }

    public static LocalServer start(Options options) throws Exception {
        Template template = Template.read(options.template());
        LocalDynamo dynamo = options.dynamoEndpoint().isPresent()
                ? LocalDynamo.external(options.dynamoEndpoint().get())
                : LocalDynamo.start(options.dataDir());
        Files.createDirectories(options.dataDir());
        try {
            String table = options.tableName().orElse(TableFromTemplate.tableName(template));
            try (DynamoDbClient admin = dynamo.client()) {
                TableFromTemplate.ensure(admin, template, table);
                String token = devAuthor(admin, table, options);
                Optional<LocalS3> s3 = options.s3Endpoint().map(LocalS3::external).or(() -> LocalS3.embedded(options.dataDir()));
                String bucket = options.bucketName().orElse(DEFAULT_BUCKET);
                s3.ifPresent(store -> store.ensureBucket(bucket));
                Map<String, LambdaFunction> functions = Functions.load(template, dynamo, table, s3, bucket);
                Gateway gateway = new Gateway(new Router(template.routes()), functions,
                        template.authorizerFunctionId().map(functions::get));
                HttpServer http = HttpServer.create(new InetSocketAddress(
                        java.net.InetAddress.getLoopbackAddress(), options.port()), 64);
                // Absolute addresses come from the site's address, as SITE_URL gives it in AWS, never from a Host header.
                if (Optional.ofNullable(System.getenv(Settings.SITE_URL)).filter(v -> !v.isBlank()).isEmpty()) {
                    System.setProperty(Settings.SITE_URL, "http://127.0.0.1:" + http.getAddress().getPort());
                }
                List<StreamPoller> pollers = s3.isPresent()
                        ? streamPollers(template, functions, admin, dynamo.endpoint(), table, options.dataDir()) : List.of();
                ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
                http.setExecutor(executor);
                http.createContext("/", exchange -> serve(gateway, exchange));
                http.start();
                return new LocalServer(http, executor, dynamo, token, table, s3, bucket, pollers);
            }
        } catch (Exception e) {
            dynamo.close();
            throw e;
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** A token of a local author, for curl and tests. */
    public String devToken() {
        return devToken;
    }

    public String tableName() {
        return tableName;
    }

    /** A client on this server's DynamoDB Local, for tests that look at the table itself. */
    public DynamoDbClient dynamoClient() {
        return dynamo.client();
    }

    /** Whether search runs here: it needs an S3 for its index (AWS_ENDPOINT_URL_S3 until the embedded one comes). */
    public boolean searchAvailable() {
        return s3.isPresent();
    }

    /** The bucket of the search index, for tests that look at it. */
    public String bucket() {
        return bucket;
    }

    /** The S3 endpoint of the search index, when there is one. */
    public Optional<URI> s3Endpoint() {
        return s3.map(LocalS3::endpoint);
    }

    /** Stream records handed to functions so far, over all of the template's stream events. */
    public long streamRecordsDelivered() {
        return pollers.stream().mapToLong(StreamPoller::delivered).sum();
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        executor.shutdownNow();
        for (StreamPoller poller : pollers) {
            poller.close();
        }
        dynamo.close();
    }

    /**
     * Lambda's event source mappings for the template's DynamoDB stream events: one poller each on the
     * table's stream, invoking its function in-process.
     */
    private static List<StreamPoller> streamPollers(Template template, Map<String, LambdaFunction> functions, DynamoDbClient admin,
                                                    URI endpoint, String table, Path dataDir) {
        List<StreamPoller> pollers = new java.util.ArrayList<>();
        if (template.streamSources().isEmpty()) {
            return pollers;
        }
        String streamArn = admin.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("the table " + table + " has no stream, but " + template.streamSources().getFirst().functionId()
                    + " reads one: is StreamSpecification in template.yaml?");
        }
        for (Template.StreamSource source : template.streamSources()) {
            pollers.add(new StreamPoller(source, functions.get(source.functionId()), endpoint, streamArn, dataDir).start());
        }
        return pollers;
    }

    /**
     * The author whose token local tools use: INLAGG_DEV_TOKEN when given, else the one saved in the
     * data directory, else a new one saved there (owner-only) so it survives restarts.
     */
    private static String devAuthor(DynamoDbClient client, String table, Options options) throws IOException {
        Authors authors = new Wiring(client, new Settings(table, java.time.ZoneId.of("UTC")), Clock.systemUTC()).authors();
        Path saved = options.dataDir().resolve(DEV_TOKEN_FILE);
        Optional<String> token = options.devToken().or(() -> read(saved));
        if (token.isPresent() && authors.knows(token.get())) {
            return token.get();
        }
        String made = token.isPresent()
                ? authors.create(DEV_AUTHOR, token.get(), Clock.systemUTC().instant()).token()
                : authors.create(DEV_AUTHOR, Clock.systemUTC().instant()).token();
        if (options.devToken().isEmpty()) {
            Files.writeString(saved, made, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(saved, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data directory is the developer's own
            }
        }
        return made;
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void serve(Gateway gateway, HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        int status = 500;
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            HttpExchangeData.Response response;
            byte[] body = readBody(exchange);
            if (body == null) {
                response = Gateway.message(413, "Request Entity Too Large");
            } else {
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
                String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
                response = gateway.handle(new HttpExchangeData.Request(method, rawPath, rawQuery, headers, body,
                        exchange.getRemoteAddress().getAddress().getHostAddress()));
            }
            status = response.status();
            response.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
            boolean noBody = status == 204 || status == 304 || method.equals("HEAD") || response.body().length == 0;
            exchange.sendResponseHeaders(status, noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } finally {
            System.out.printf("%s %s %d %dms%n", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    status, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The body, or null when it is larger than API Gateway accepts. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            return body.length > MAX_REQUEST_BYTES ? null : body;
        }
    }
}
