package se.inlagg.local;

import java.io.IOException;
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
import se.inlagg.local.DeployedTable.AwsRequestFailed;
import se.inlagg.posts.Byline;
import se.inlagg.posts.DirectionControls;
import se.inlagg.store.AuthorStore;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The author commands, locally or, with --aws, in a deployed table: {@code create-author} makes an author and prints its
 * token once, {@code revoke-author} takes an author's tokens and sessions away, {@code new-token} gives them another and
 * {@code list-authors} shows every author's id.
 */
final class AuthorCommands {

    private AuthorCommands() {
    }

    static void createAuthor(List<String> args) {
        CreateAuthorArgs request = CreateAuthorArgs.parse(args);
        var author = onTable(request.aws(), "create-author", wiring -> wiring.authors().create(request.profile(), Clock.systemUTC().instant()));
        System.out.println("Created author " + request.profile().name() + " (" + author.id() + ").");
        System.out.println("Token (shown only now; the table keeps just its SHA-256):");
        System.out.println(author.token());
    }

    /** Takes every token and session away from an author, who keeps their posts. */
    static void revokeAuthor(List<String> args) throws IOException {
        boolean byToken = args.contains("--token");
        if (byToken && !args.stream().allMatch(a -> a.equals("--token") || a.equals("--aws"))) {
            throw new UsageException("takes an author id or --token (the token on standard input), not both");
        }
        // The token from standard input, never the command line, where ps and the shell's history would show it. Typed at a
        // terminal rather than sent from a file, it is asked for, so the command does not wait saying nothing.
        if (byToken && System.console() != null && System.console().isTerminal()) {
            System.err.println("The token to revoke, then Enter and Ctrl-D (or send it from a file: revoke-author --token < file):");
        }
        String token = byToken ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip() : "";
        if (byToken && token.isEmpty()) {
            throw new UsageException("--token reads the token from standard input, and it was empty");
        }
        String id = byToken ? "" : authorIdIn(args);
        boolean aws = args.contains("--aws");
        // Whose the local server's own token is, read before it may be revoked: then its file goes too (else the next
        // start makes the revoked token an author again, and it works).
        Path devTokenFile = Main.dataFolder().resolve(LocalServer.DEV_TOKEN_FILE);
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
            Main.exit(1);
            return;
        } catch (SdkException e) {
            System.err.println("inlagg revoke-author: DynamoDB did not take the deletes (" + AwsRequestFailed.firstLine(e) + ")"
                    + midway(byToken, aws));
            Main.exit(1);
            return;
        }
        if (revocation.isEmpty()) {
            System.err.println(byToken ? "inlagg revoke-author: that token is no author's (revoked already, or never made here)."
                    : "inlagg revoke-author: there is no author " + shown(id) + " in that table, so nothing was revoked. The id is the one"
                    + " create-author printed; to take away a leaked token and everything of its author's, give the token itself:"
                    + " ./inlagg revoke-author --token" + (args.contains("--aws") ? " --aws" : "") + " < the-token-file");
            Main.exit(1);
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
        // Said every time: a token made before tokens were recorded under their author is not found by id.
        System.out.println("A token made by a version before revoke-author is not recorded under its author, so not found by id:"
                + " revoke such a token by itself (--token, README, Authors).");
        System.out.println("API calls with a revoked token are refused within a minute (the authorizer's cache); pages at once.");
        System.out.println("To let them write again: ./inlagg new-token " + authorId + (args.contains("--aws") ? " --aws" : ""));
    }

    /**
     * What a revocation that failed partway leaves: each transaction deleted whole pairs or nothing, the tokens first, and
     * what is left is found by id, which list-authors shows (an operator told "run it again by the author's id" may have
     * only the token).
     */
    private static String midway(boolean byToken, boolean aws) {
        return ". If it had begun, each of its deletes was whole or not made; run it again to finish" + (byToken
                ? ", by the author's id (the token may be gone already; ./inlagg list-authors" + (aws ? " --aws" : "") + " shows the id)"
                : "") + ": it finds what is left.";
    }

    /**
     * An author's revocation by id; empty when the id is nobody's (a mistyped id must not say "Revoked 0 tokens", exit 0,
     * while the leaked token goes on working). An author with nothing left to revoke is still someone.
     */
    private static Optional<Authors.Revocation> revokedById(Wiring wiring, String id) {
        AuthorStore.Revoked revoked = wiring.authors().revoke(id);
        boolean nobody = revoked.tokens() == 0 && revoked.sessions() == 0 && wiring.authors().profile(id).isEmpty();
        return nobody ? Optional.empty() : Optional.of(new Authors.Revocation(id, revoked));
    }

    /** Another token for an existing author, printed once. */
    static void newToken(List<String> args) {
        String authorId = authorIdIn(args);
        Optional<String> token = onTable(args.contains("--aws"), "new-token", wiring -> couldBeAnId(authorId)
                ? wiring.authors().newToken(authorId, Clock.systemUTC().instant()) : Optional.empty());
        if (token.isEmpty()) {
            System.err.println("inlagg new-token: there is no author " + shown(authorId) + " in that table.");
            Main.exit(1);
            return;
        }
        System.out.println("New token for author " + authorId + " (shown only now; the table keeps just its SHA-256):");
        System.out.println(token.get());
    }

    /**
     * Every author, one line each: the id an operator needs for revoke-author or new-token, which create-author prints only
     * once.
     */
    static void listAuthors(List<String> args) {
        if (args.stream().anyMatch(a -> !a.equals("--aws"))) {
            throw new UsageException("takes no arguments but --aws, for the deployed table");
        }
        List<AuthorStore.Listed> authors = onTable(args.contains("--aws"), "list-authors", wiring -> wiring.authors().all(Clock.systemUTC().instant()));
        System.out.println(authors.size() + (authors.size() == 1 ? " author" : " authors") + (authors.isEmpty() ? "." : ", by name:"));
        for (AuthorStore.Listed author : authors) {
            Byline byline = author.profile();
            // Each part isolated, as the pages write it: a name ending in an open override (U+202E, pasted from
            // right-to-left text) would turn the rest of the line in a terminal that lays out direction, the id too.
            String who = String.join(", ", Stream.of(Optional.of(byline.name()), byline.role(), byline.office()).flatMap(Optional::stream)
                    .map(DirectionControls::isolated).toList());
            String holds = author.tokens() + (author.tokens() == 1 ? " token, " : " tokens, ") + author.sessions()
                    + (author.sessions() == 1 ? " session" : " sessions");
            String made = author.createdAt().isEmpty() ? "" : "; made " + author.createdAt().substring(0, Math.min(10, author.createdAt().length()));
            System.out.println("  " + author.id() + "  " + who + "  (" + holds + made + ")");
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
     * Whether the id can be looked up at all: one longer than 1,024 bytes (what DynamoDB takes in a sort key; a partition
     * key takes 2,048, its prefix included) is nobody's, asked of the table no further once it is open, so that its settings are still said first (DynamoDB would
     * answer one of 3,000 characters with an error, not "no such author"). Every author's id is a UUID (Ids.newId), as
     * create-author prints it.
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
        try (LocalTable table = LocalTable.open(Main.template(), Main.dataFolder(), Endpoints.dynamoEndpoint())) {
            Wiring wiring = table.wiring(ZoneId.of("UTC"));
            return LocalInvocation.run(command, () -> work.apply(wiring));
        }
    }
}
