package se.inlagg.local;

import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import se.inlagg.app.Wiring;
import se.inlagg.auth.Authors;
import se.inlagg.emulator.dynamodb.DataDirectoryInUseException;
import se.inlagg.local.DeployedTable.AwsRequestFailed;
import se.inlagg.local.DeployedTable.AwsSettingsMissing;
import se.inlagg.posts.Byline;
import se.inlagg.store.AuthorStore;
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
                case "create-author" -> createAuthor(rest);
                case "revoke-author" -> revokeAuthor(rest);
                case "new-token" -> newToken(rest);
                case "list-authors" -> listAuthors(rest);
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
     * INLAGG_DEV_TOKEN, when it is a token a request can carry (as "Authorization: Bearer …"), else a usage error (found by a
     * probe: one with a space was made an author's token, shown in the banner, and every request with it was refused).
     */
    private static Optional<String> devToken() {
        Optional<String> given = env("INLAGG_DEV_TOKEN");
        if (given.isPresent() && !se.inlagg.auth.Tokens.fromBearer("Bearer " + given.get()).equals(given)) {
            throw new UsageException("INLAGG_DEV_TOKEN is no token a request can carry: give up to 512 of the letters A to Z and a"
                    + " to z, digits and . _ ~ + / = - (no spaces), or leave it out and one is made");
        }
        return given;
    }

    /** PORT as a port number, or a usage error naming what it was (found by a probe: PORT=abc printed a stack trace). */
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

    private static void createAuthor(List<String> args) {
        CreateAuthorArgs request = CreateAuthorArgs.parse(args);
        var author = onTable(request.aws(), "create-author", wiring -> wiring.authors().create(request.profile(), Clock.systemUTC().instant()));
        System.out.println("Created author " + request.profile().name() + " (" + author.id() + ").");
        System.out.println("Token (shown only now; the table keeps just its SHA-256):");
        System.out.println(author.token());
    }

    /** Takes every token and session away from an author, who keeps their posts. */
    private static void revokeAuthor(List<String> args) throws java.io.IOException {
        boolean byToken = args.contains("--token");
        if (byToken && !args.stream().allMatch(a -> a.equals("--token") || a.equals("--aws"))) {
            throw new UsageException("takes an author id or --token (the token on standard input), not both");
        }
        // The token from standard input, never the command line, where ps and the shell's history would show it. Typed at a
        // terminal rather than sent from a file, it is asked for (from an operator's probe: the command waited, saying nothing).
        if (byToken && System.console() != null && System.console().isTerminal()) {
            System.err.println("The token to revoke, then Enter and Ctrl-D (or send it from a file: revoke-author --token < file):");
        }
        String token = byToken ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip() : "";
        if (byToken && token.isEmpty()) {
            throw new UsageException("--token reads the token from standard input, and it was empty");
        }
        String id = byToken ? "" : authorIdIn(args);
        boolean aws = args.contains("--aws");
        // Whose the local server's own token is, read before it may be revoked: then its file goes too (found by an operator's
        // probe: the next start made the revoked token an author again, and it worked).
        Path devTokenFile = dataFolder().resolve(LocalServer.DEV_TOKEN_FILE);
        AtomicReference<Optional<String>> devAuthor = new AtomicReference<>(Optional.empty());
        Optional<Authors.Revocation> revocation;
        try {
            revocation = onTable(aws, "revoke-author", wiring -> {
                if (!aws) {
                    devAuthor.set(LocalServer.savedToken(devTokenFile).flatMap(t -> wiring.authors().authenticate("Bearer " + t)));
                }
                return byToken ? wiring.authors().revokeByToken(token) : couldBeAnId(id) ? revokedById(wiring, id) : Optional.empty();
            });
        } catch (AwsRequestFailed e) {
            System.err.println("inlagg revoke-author: " + e.getMessage() + (e.nothingChanged ? ". Nothing was changed." : midway(byToken, aws)));
            exit(1);
            return;
        } catch (SdkException e) {
            System.err.println("inlagg revoke-author: DynamoDB did not take the deletes (" + AwsRequestFailed.firstLine(e) + ")"
                    + midway(byToken, aws));
            exit(1);
            return;
        }
        if (revocation.isEmpty()) {
            System.err.println(byToken ? "inlagg revoke-author: that token is no author's (revoked already, or never made here)."
                    : "inlagg revoke-author: there is no author " + shown(id) + " in that table, so nothing was revoked. The id is the one"
                    + " create-author printed; to take away a leaked token and everything of its author's, give the token itself:"
                    + " ./inlagg revoke-author --token" + (args.contains("--aws") ? " --aws" : "") + " < the-token-file");
            exit(1);
            return;
        }
        String authorId = revocation.get().authorId();
        AuthorStore.Revoked revoked = revocation.get().revoked();
        System.out.println("Revoked " + revoked.tokens() + (revoked.tokens() == 1 ? " token" : " tokens") + " and " + revoked.sessions()
                + (revoked.sessions() == 1 ? " session" : " sessions") + " of author " + authorId + ". Their posts stay.");
        if (devAuthor.get().equals(Optional.of(authorId))) {
            Files.deleteIfExists(devTokenFile);
            System.out.println("That was the local server's own author: " + devTokenFile + " is deleted, and the next start makes"
                    + " a new author and token.");
        }
        if (revoked.stillSigningIn()) {
            System.out.println("Warning: new sessions kept appearing: a token of theirs that is not recorded under them is being used"
                    + " to sign in now. Revoke it with --token, then run this again.");
        }
        // Said every time (found by a review): a token made before tokens were recorded under their author is not found by id.
        System.out.println("A token made by a version before revoke-author is not recorded under its author, so not found by id:"
                + " revoke such a token by itself (--token, README, Authors).");
        System.out.println("API calls with a revoked token are refused within a minute (the authorizer's cache); pages at once.");
        System.out.println("To let them write again: ./inlagg new-token " + authorId + (args.contains("--aws") ? " --aws" : ""));
    }

    /**
     * What a revocation that failed partway leaves: each transaction deleted whole pairs or nothing, the tokens first, and
     * what is left is found by id, which list-authors shows (from an operator's probe: "run it again by the author's id",
     * said to one who had only the token).
     */
    private static String midway(boolean byToken, boolean aws) {
        return ". If it had begun, each of its deletes was whole or not made; run it again to finish" + (byToken
                ? ", by the author's id (the token may be gone already; ./inlagg list-authors" + (aws ? " --aws" : "") + " shows the id)"
                : "") + ": it finds what is left.";
    }

    /**
     * An author's revocation by id; empty when the id is nobody's (found by a probe: a mistyped id said "Revoked 0 tokens",
     * exit 0, while the leaked token went on working). An author with nothing left to revoke is still someone.
     */
    private static Optional<Authors.Revocation> revokedById(Wiring wiring, String id) {
        AuthorStore.Revoked revoked = wiring.authors().revoke(id);
        boolean nobody = revoked.tokens() == 0 && revoked.sessions() == 0 && wiring.authors().profile(id).isEmpty();
        return nobody ? Optional.empty() : Optional.of(new Authors.Revocation(id, revoked));
    }

    /** Another token for an existing author, printed once. */
    private static void newToken(List<String> args) {
        String authorId = authorIdIn(args);
        Optional<String> token = onTable(args.contains("--aws"), "new-token", wiring -> couldBeAnId(authorId)
                ? wiring.authors().newToken(authorId, Clock.systemUTC().instant()) : Optional.empty());
        if (token.isEmpty()) {
            System.err.println("inlagg new-token: there is no author " + shown(authorId) + " in that table.");
            exit(1);
            return;
        }
        System.out.println("New token for author " + authorId + " (shown only now; the table keeps just its SHA-256):");
        System.out.println(token.get());
    }

    /**
     * Every author, one line each: the id an operator needs for revoke-author or new-token (found by an operator's probe:
     * it was printed once, by create-author, and nothing showed it again when someone left).
     */
    private static void listAuthors(List<String> args) {
        if (args.stream().anyMatch(a -> !a.equals("--aws"))) {
            throw new UsageException("takes no arguments but --aws, for the deployed table");
        }
        List<AuthorStore.Listed> authors = onTable(args.contains("--aws"), "list-authors", wiring -> wiring.authors().all(Clock.systemUTC().instant()));
        System.out.println(authors.size() + (authors.size() == 1 ? " author" : " authors") + (authors.isEmpty() ? "." : ", by name:"));
        for (AuthorStore.Listed author : authors) {
            Byline byline = author.profile();
            // Each part isolated, as the pages write it: a name ending in an open override (U+202E, pasted from
            // right-to-left text) turned the rest of the line in a terminal that lays out direction, the id too.
            String who = String.join(", ", Stream.of(Optional.of(byline.name()), byline.role(), byline.office()).flatMap(Optional::stream)
                    .map(se.inlagg.posts.DirectionControls::isolated).toList());
            String holds = author.tokens() + (author.tokens() == 1 ? " token, " : " tokens, ") + author.sessions()
                    + (author.sessions() == 1 ? " session" : " sessions");
            String made = author.createdAt().isEmpty() ? "" : "; made " + author.createdAt().substring(0, Math.min(10, author.createdAt().length()));
            System.out.println("  " + author.id() + "  " + who + "  (" + holds + made + ")");
        }
    }

    private static void deleteSeedingMark(Path data) {
        try {
            Files.deleteIfExists(data.resolve(LocalServer.SEEDING));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The one author id among the arguments (--aws aside). */
    private static String authorIdIn(List<String> args) {
        List<String> ids = args.stream().filter(a -> !a.equals("--aws")).toList();
        if (ids.size() != 1 || ids.getFirst().startsWith("-") || ids.getFirst().isBlank()) {
            throw new UsageException("takes one author id (create-author printed it), and --aws for the deployed table");
        }
        return ids.getFirst();
    }

    /**
     * Whether the id can be looked up at all: one longer than a key DynamoDB takes (2,048 bytes, its prefix included) is
     * nobody's, asked of the table no further once it is open, so that its settings are still said first (found by a probe:
     * one of 3,000 characters was a stack trace). Every author's id is a UUID (Ids.newId), as create-author printed it.
     */
    private static boolean couldBeAnId(String id) {
        return id.getBytes(StandardCharsets.UTF_8).length <= 1024;
    }

    /** What was typed, as a terminal can show it in one line: control characters as "?", and cut after 80 characters. */
    private static String shown(String typed) {
        String printable = typed.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.codePointCount(0, printable.length()) <= 80 ? printable
                : printable.substring(0, printable.offsetByCodePoints(0, 80)) + "…";
    }

    /** Does this with the deployed table (aws: TABLE_NAME, the usual AWS settings) or the data folder's. */
    private static <T> T onTable(boolean aws, String command, Function<Wiring, T> work) {
        if (aws) {
            // The standard SDK chain: AWS_REGION, AWS_PROFILE or keys, TABLE_NAME from the stack's outputs.
            try (DeployedTable deployed = DeployedTable.open()) {
                Wiring wiring = deployed.wiring();
                try {
                    return LocalInvocation.run(command, () -> work.apply(wiring));
                } catch (SdkException e) {
                    throw new AwsRequestFailed(wiring.settings().tableName(), deployed.client().serviceClientConfiguration().region().id(), e);
                }
            }
        }
        try (LocalTable table = LocalTable.open(template(), dataFolder(), Endpoints.dynamoEndpoint())) {
            Wiring wiring = table.wiring(ZoneId.of("UTC"));
            return LocalInvocation.run(command, () -> work.apply(wiring));
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
            // Says whether it added them (found by a newcomer: a second run printed the same as the first).
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
        se.inlagg.search.SearchService.IndexChange built;
        try {
            built = rebuilt(aws, progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException stopping) {
                // Stopped while it ended: the hook says what is left, if anything.
            }
        }
        System.out.printf("Indexed %d posts (%.1f MB) in %.1f s%n", built.indexed(), built.bytes() / 1e6,
                (System.nanoTime() - start) / 1e9);
    }

    /** The index built anew from the deployed table (aws) or the data folder's, into its bucket. */
    private static se.inlagg.search.SearchService.IndexChange rebuilt(boolean aws, ReindexProgress progress) throws Exception {
        if (aws) {
            try (DeployedTable deployed = DeployedTable.open()) {
                Wiring wiring = deployed.wiring();
                se.inlagg.search.SearchService search;
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

    private static Path dataFolder() {
        return DataFolder.resolve(env("DATA_DIR"), template());
    }

    private static void noArguments(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments (settings come from the environment)");
        }
    }

    /**
     * {@code help}, or {@code help COMMAND} as that command's --help; a name that is no command is a usage error (found by a
     * probe: {@code help bogus} printed every command's usage and exited 0, as if it had been asked for).
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
    private static void exit(int status) {
        System.out.flush();
        System.exit(status);
    }

    static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
