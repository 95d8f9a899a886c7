package se.inlagg.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import se.inlagg.app.Wiring;
import se.inlagg.auth.Tokens;
import se.inlagg.emulator.dynamodb.DataDirectoryInUseException;
import se.inlagg.local.DeployedTable.AwsRequestFailed;
import se.inlagg.local.DeployedTable.AwsSettingsMissing;
import se.inlagg.search.SearchService;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The runnable jar, which ./inlagg runs: {@code serve} (the default) runs the service locally;
 * {@code seed} adds the example posts; {@code create-author} makes an author and prints its token
 * once, {@code revoke-author} takes an author's tokens and sessions away and {@code new-token} gives
 * them another, locally or, with --aws, in a deployed table. Every command uses the same data folder.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = List.of(args);
        String command = all.isEmpty() ? "serve" : all.getFirst();
        List<String> rest = all.isEmpty() ? List.of() : all.subList(1, all.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            System.out.print(help(command));
            return;
        }
        try {
            switch (command) {
                case "serve" -> serve(rest);
                case "seed" -> seed(rest);
                case "create-author" -> AuthorCommands.createAuthor(rest);
                case "revoke-author" -> AuthorCommands.revokeAuthor(rest);
                case "new-token" -> AuthorCommands.newToken(rest);
                case "list-authors" -> AuthorCommands.listAuthors(rest);
                case "reindex" -> reindex(rest);
                case "help", "--help", "-h" -> System.out.print(helpAsked(rest));
                default -> throw new UsageException("there is no command " + command);
            }
        } catch (UsageException e) {
            System.err.println("inlagg " + command + ": " + e.getMessage());
            System.err.print(help(command));
            exit(2);
        } catch (DataDirectoryInUseException e) {
            System.err.println(FolderInUse.message(command, dataFolder(), e));
            exit(1);
        } catch (FolderNotWritable e) {
            System.err.println(e.message(command));
            exit(1);
        } catch (AwsSettingsMissing | AwsRequestFailed e) {
            System.err.println("inlagg " + command + ": " + e.getMessage());
            exit(1);
        } catch (RuntimeException e) {
            Optional<String> unreached = Endpoints.unreached(e);
            if (unreached.isEmpty()) {
                throw e;
            }
            System.err.println("inlagg " + command + ": " + unreached.get());
            exit(1);
        }
    }

    private static void serve(List<String> args) throws Exception {
        noArguments(args);
        Path template = template();
        Path data = dataFolder();
        int port = port(env("PORT").orElse("3000"));
        Optional<URI> endpoint = Endpoints.dynamoEndpoint();
        boolean seed = LocalTable.seedWanted();
        // AWS_ENDPOINT_URL_S3 (the SDK's own setting) keeps pictures and the search index there instead of the embedded S3.
        Optional<URI> s3 = Endpoints.endpoint("AWS_ENDPOINT_URL_S3");
        LocalServer server;
        try {
            var options = new LocalServer.Options(template, data, port, devToken(), endpoint, Optional.empty(), seed);
            server = LocalServer.start(s3.map(options::withS3).orElse(options));
        } catch (BindException e) {
            System.err.println("inlagg serve: port " + port + " is taken (is Inlägg already running?); set PORT to use another.");
            exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stopping: " + e.getMessage());
            }
        }));
        System.out.print(StartBanner.text(server.running().url(), server.devToken(), env("INLAGG_DEV_TOKEN").isPresent(),
                data, endpoint, server.seeded()));
    }

    /**
     * INLAGG_DEV_TOKEN, when it is a token a request can carry (as "Authorization: Bearer …"), else a usage error (one with
     * a space would be made an author's token, shown in the banner, and every request with it refused).
     */
    private static Optional<String> devToken() {
        Optional<String> given = env("INLAGG_DEV_TOKEN");
        if (given.isPresent() && !Tokens.fromBearer("Bearer " + given.get()).equals(given)) {
            throw new UsageException("INLAGG_DEV_TOKEN is no token a request can carry: give up to 512 of the letters A to Z and a"
                    + " to z, digits and . _ ~ + / = - (no spaces), or leave it out and one is made");
        }
        return given;
    }

    /** PORT as a port number, or a usage error naming what it was (PORT=abc), not a stack trace. */
    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // Said below, as a number out of range is.
        }
        throw new UsageException("PORT is " + value + ", which is no port: give a number from 1 to 65535 (0 takes any free one)");
    }

    private static void deleteSeedingMark(Path data) {
        try {
            Files.deleteIfExists(data.resolve(LocalServer.SEEDING));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two example posts, into the data folder; running it again adds nothing. */
    private static void seed(List<String> args) {
        noArguments(args);
        Path data = dataFolder();
        Optional<URI> endpoint = Endpoints.dynamoEndpoint();
        try (LocalTable table = LocalTable.open(template(), data, endpoint)) {
            List<SeedPosts.Seeded> seeded = LocalInvocation.run("seed", () -> SeedPosts.seed(table.wiring(SeedPosts.ZONE)));
            // The examples are in: none is owed to the next start any more.
            deleteSeedingMark(data);
            // Says whether it added them, so a second run does not print the same as the first.
            boolean added = seeded.stream().anyMatch(SeedPosts.Seeded::added);
            String where = endpoint.map(e -> "the table at " + e).orElse(data.toString());
            System.out.println((added ? "Example posts in " : "The example posts are already in ") + where + (added ? ":" : " (nothing added):"));
            seeded.forEach(s -> System.out.println("  /posts/" + s.slug()));
        }
    }

    /**
     * Builds the search index anew from every published post in the table (Queries, never a Scan):
     * locally from the data folder's table into its search bucket, or with --aws from TABLE_NAME into
     * SEARCH_BUCKET (both in the stack's outputs) with the standard AWS settings.
     */
    private static void reindex(List<String> args) throws Exception {
        boolean aws = args.contains("--aws");
        if (!args.stream().allMatch("--aws"::equals)) {
            throw new UsageException("reindex takes only --aws");
        }
        long start = System.nanoTime();
        ReindexProgress progress = new ReindexProgress(System.out, System::nanoTime);
        // Ctrl-C: what was left, said as the JVM stops. A failure says its own, so the hook goes when the work ends.
        Thread stopped = new Thread(() -> progress.stoppedEarly().ifPresent(System.err::println));
        Runtime.getRuntime().addShutdownHook(stopped);
        SearchService.IndexChange built;
        try {
            built = rebuilt(aws, progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException stopping) {
                // Stopped while it ended: the hook says what is left, if anything.
            }
        }
        System.out.println(ReindexProgress.finished(built.indexed(), built.bytes(), (System.nanoTime() - start) / 1e9));
    }

    /** The index built anew from the deployed table (aws) or the data folder's, into its bucket. */
    private static SearchService.IndexChange rebuilt(boolean aws, ReindexProgress progress) throws Exception {
        if (aws) {
            try (DeployedTable deployed = DeployedTable.open()) {
                Wiring wiring = deployed.wiring();
                SearchService search;
                try {
                    search = wiring.search();
                } catch (IllegalStateException e) {
                    throw new AwsSettingsMissing(DeployedTable.whatIsMissing(e.getMessage()));
                }
                try {
                    return search.rebuild(progress);
                } catch (SdkException e) {
                    throw new AwsRequestFailed(wiring.settings().tableName(), deployed.client().serviceClientConfiguration().region().id(), e);
                }
            }
        }
        Path data = dataFolder();
        String bucket = LocalServer.DEFAULT_SEARCH_BUCKET;
        try (LocalTable table = LocalTable.open(template(), data, Endpoints.dynamoEndpoint());
             LocalS3 s3 = Endpoints.endpoint("AWS_ENDPOINT_URL_S3").map(LocalS3::external).orElseGet(() -> LocalS3.start(data));
             var s3Client = s3.client()) {
            s3.ensureBucket(bucket);
            return table.reindex(s3Client, bucket, progress);
        }
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

    static Path dataFolder() {
        return DataFolder.resolve(env("DATA_DIR"), template());
    }

    private static void noArguments(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments (settings come from the environment)");
        }
    }

    /**
     * {@code help}, or {@code help COMMAND} as that command's --help; a name that is no command is a usage error, not every
     * command's usage and exit 0, as if it had been asked for.
     */
    private static String helpAsked(List<String> args) {
        if (args.size() > 1) {
            throw new UsageException("takes one command's name at most");
        }
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.getFirst())) {
            return Help.ALL;
        }
        if (List.of("test", "env").contains(args.getFirst())) {
            throw new UsageException(args.getFirst() + " is ./inlagg's own command: ./inlagg help " + args.getFirst() + " tells of it");
        }
        String asked = help(args.getFirst());
        if (asked.equals(Help.ALL)) {
            throw new UsageException("there is no command " + args.getFirst());
        }
        return asked;
    }

    /** Each command's help; the script `inlagg` names the same commands for `./inlagg help COMMAND`: keep the two in step. */
    private static String help(String command) {
        return switch (command) {
            case "serve" -> Help.SERVE;
            case "seed" -> Help.SEED;
            case "create-author" -> Help.CREATE_AUTHOR;
            case "revoke-author" -> Help.REVOKE_AUTHOR;
            case "new-token" -> Help.NEW_TOKEN;
            case "list-authors" -> Help.LIST_AUTHORS;
            case "reindex" -> Help.REINDEX;
            default -> Help.ALL;
        };
    }

    /**
     * A command failed: exit with its status. A command that succeeds just returns; it has closed
     * everything it started, and CommandLineTest checks that nothing keeps its JVM alive after.
     */
    static void exit(int status) {
        System.out.flush();
        System.exit(status);
    }

    static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
