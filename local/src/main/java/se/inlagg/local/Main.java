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
            case "help", "--help", "-h" -> usage(0);
            default -> usage(2);
        }
    }

    private static void serve() throws Exception {
        int port = Integer.parseInt(env("PORT").orElse("3000"));
        Path data = Path.of(env("DATA_DIR").orElse(".inlagg"));
        // AWS_ENDPOINT_URL_DYNAMODB (the SDK's own setting) points the server at another DynamoDB.
        var endpoint = env("AWS_ENDPOINT_URL_DYNAMODB").map(java.net.URI::create);
        var options = new LocalServer.Options(template(), data, port, env("INLAGG_DEV_TOKEN"), endpoint);
        // AWS_ENDPOINT_URL_S3 (the SDK's own setting) gives pictures a bucket there; without it, no uploads.
        var s3 = env("AWS_ENDPOINT_URL_S3").map(java.net.URI::create);
        LocalServer server = LocalServer.start(s3.map(e -> options.withBucket(e, Optional.empty())).orElse(options));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stopping: " + e.getMessage());
            }
        }));
        System.out.println("Inlägg is running at " + server.baseUri() + " (data in " + data.toAbsolutePath() + ")");
        System.out.println("Author token for local writes: " + server.devToken());
        System.out.println(s3.map(e -> "Pictures: uploads go to the bucket at " + e)
                .orElse("Pictures: no uploads (set AWS_ENDPOINT_URL_S3 to an S3 endpoint, such as LocalStack's)"));
        System.out.println("  curl -H 'Authorization: Bearer " + server.devToken() + "' ...");
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
                usage: java -jar local/target/inlagg-local.jar [serve | create-author [--aws] "Name" | seed]
                  serve          run the service on PORT (3000), data in DATA_DIR (.inlagg)
                  create-author  make an author and print its token once (--aws: in TABLE_NAME in AWS)
                  seed           add two example posts to DATA_DIR (again: nothing new)""");
        System.exit(status);
    }
}
