package se.inlagg.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.store.Table;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The runnable jar: {@code serve} (the default) runs the service locally; {@code create-author}
 * makes an author and prints its token once, locally or, with --aws, in a deployed table.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        String command = a.isEmpty() ? "serve" : a.getFirst();
        switch (command) {
            case "serve" -> serve();
            case "create-author" -> createAuthor(a.subList(1, a.size()));
            case "seed" -> seed();
            case "reindex" -> reindex(a.subList(1, a.size()));
            case "help", "--help", "-h" -> usage(0);
            default -> usage(2);
        }
    }

    private static void serve() throws Exception {
        int port = Integer.parseInt(env("PORT").orElse("3000"));
        Path data = Path.of(env("DATA_DIR").orElse(".inlagg"));
        // AWS_ENDPOINT_URL_DYNAMODB (the SDK's own setting) points the server at another DynamoDB.
        var endpoint = env("AWS_ENDPOINT_URL_DYNAMODB").map(java.net.URI::create);
        // AWS_ENDPOINT_URL_S3 likewise names the S3 that keeps the search index (LocalStack's, say).
        var s3 = env("AWS_ENDPOINT_URL_S3").map(java.net.URI::create);
        LocalServer server = LocalServer.start(new LocalServer.Options(template(), data, port, env("INLAGG_DEV_TOKEN"), endpoint)
                .withS3(s3, env(se.inlagg.config.Settings.SEARCH_BUCKET)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stopping: " + e.getMessage());
            }
        }));
        System.out.println("Inlägg is running at " + server.baseUri() + " (data in " + data.toAbsolutePath() + ")");
        System.out.println("Author token for local writes: " + server.devToken());
        System.out.println("  curl -H 'Authorization: Bearer " + server.devToken() + "' ...");
        System.out.println(server.searchAvailable()
                ? "Search index in bucket " + server.bucket() + " at " + server.s3Endpoint().orElseThrow()
                : "Search is off: it keeps its index in S3; set AWS_ENDPOINT_URL_S3 (LocalStack's, for one) to turn it on");
    }

    private static void createAuthor(List<String> args) throws Exception {
        boolean aws = args.contains("--aws");
        String name = String.join(" ", args.stream().filter(s -> !s.equals("--aws")).toList()).strip();
        if (name.isEmpty()) {
            System.err.println("usage: create-author [--aws] \"Name Surname\"");
            System.exit(2);
        }
        if (aws) {
            // The standard SDK chain: AWS_REGION, AWS_PROFILE or keys, TABLE_NAME from the stack's outputs.
            try (DynamoDbClient client = Table.standardClient()) {
                printToken(new Wiring(client, Settings.fromEnvironment(), Clock.systemUTC()), name);
            }
            return;
        }
        Template template = Template.read(template());
        Path data = Path.of(env("DATA_DIR").orElse(".inlagg"));
        try (LocalDynamo dynamo = LocalDynamo.start(data); DynamoDbClient client = dynamo.client()) {
            TableFromTemplate.ensure(client, template);
            printToken(new Wiring(client, new Settings(TableFromTemplate.tableName(template), ZoneId.of("UTC")),
                    Clock.systemUTC()), name);
        }
    }

    /** Two example posts in DATA_DIR, for a first look; running it again adds nothing. */
    private static void seed() throws Exception {
        Template template = Template.read(template());
        Path data = Path.of(env("DATA_DIR").orElse(".inlagg"));
        try (LocalDynamo dynamo = LocalDynamo.start(data); DynamoDbClient client = dynamo.client()) {
            TableFromTemplate.ensure(client, template);
            var wiring = new Wiring(client, new Settings(TableFromTemplate.tableName(template), ZoneId.of("Europe/Stockholm")),
                    Clock.systemUTC());
            SeedPosts.seed(wiring).forEach(slug -> System.out.println("Inlägg: /posts/" + slug));
        }
    }

    /**
     * Builds the search index anew from every published post in the table (Queries, never a Scan):
     * locally from DATA_DIR's table into the bucket on AWS_ENDPOINT_URL_S3, or with --aws from
     * TABLE_NAME into SEARCH_BUCKET (both in the stack's outputs) with the standard AWS settings.
     */
    private static void reindex(List<String> args) throws Exception {
        long start = System.nanoTime();
        se.inlagg.search.SearchService.IndexChange built;
        if (args.contains("--aws")) {
            try (DynamoDbClient client = Table.standardClient()) {
                built = new Wiring(client, Settings.fromEnvironment(), Clock.systemUTC()).search().rebuild();
            }
        } else {
            Template template = Template.read(template());
            Path data = Path.of(env("DATA_DIR").orElse(".inlagg"));
            var s3 = env("AWS_ENDPOINT_URL_S3").map(java.net.URI::create).map(LocalS3::external).or(() -> LocalS3.embedded(data))
                    .orElseThrow(() -> new IllegalStateException("reindex needs the S3 of the search index: set AWS_ENDPOINT_URL_S3"));
            String bucket = env(Settings.SEARCH_BUCKET).orElse(LocalServer.DEFAULT_BUCKET);
            s3.ensureBucket(bucket);
            try (LocalDynamo dynamo = LocalDynamo.start(data); DynamoDbClient client = dynamo.client();
                 var s3Client = s3.client()) {
                TableFromTemplate.ensure(client, template);
                var settings = new Settings(TableFromTemplate.tableName(template), ZoneId.of("Europe/Stockholm")).withSearchBucket(bucket);
                built = new Wiring(client, settings, Clock.systemUTC(), () -> new se.inlagg.search.S3IndexFiles(s3Client, bucket))
                        .search().rebuild();
            }
        }
        System.out.printf("Indexed %d posts (%.1f MB) in %.1f s%n", built.indexed(), built.bytes() / 1e6,
                (System.nanoTime() - start) / 1e9);
    }

    private static void printToken(Wiring wiring, String name) {
        var author = wiring.authors().create(new se.inlagg.posts.Byline(name, Optional.empty(), Optional.empty()), Clock.systemUTC().instant());
        System.out.println("Created author " + name + " (" + author.id() + ").");
        System.out.println("Token (shown only now; the table keeps just its SHA-256):");
        System.out.println(author.token());
    }

    /** template.yaml in the working directory or the nearest folder above it, or INLAGG_TEMPLATE. */
    static Path template() {
        Optional<String> given = env("INLAGG_TEMPLATE");
        if (given.isPresent()) {
            return Path.of(given.get());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no template.yaml here or above; run from the repository or set INLAGG_TEMPLATE");
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static void usage(int status) {
        System.out.println("""
                usage: java -jar local/target/inlagg-local.jar [serve | create-author [--aws] "Name" | seed | reindex [--aws]]
                  serve          run the service on PORT (3000), data in DATA_DIR (.inlagg)
                  create-author  make an author and print its token once (--aws: in TABLE_NAME in AWS)
                  seed           add two example posts to DATA_DIR (again: nothing new)
                  reindex        build the search index anew from every post (--aws: TABLE_NAME into SEARCH_BUCKET)""");
        System.exit(status);
    }
}
