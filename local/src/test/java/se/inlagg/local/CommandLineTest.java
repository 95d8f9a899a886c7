package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.auth.Tokens;
import se.inlagg.emulator.dynamodb.EmbeddedDynamoDb;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.store.SessionStore;
import se.inlagg.store.Table;
import se.inlagg.store.Transactions;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The commands as a user runs them, each in a JVM of its own: one data folder for the server and
 * every command, a one-line refusal while a server holds it, help for each, and an exit as soon as
 * the work is done.
 */
@SameOnEveryBackend
class CommandLineTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    /** What a command printed, when its last line came, and how it ended. */
    record Run(int status, List<String> out, String err, long lastLineNanos, long exitNanos) {
    }

    @Test
    void seedAndCreateAuthorWorkOnTheFolderBesideTheTemplateFromAnywhereBelowIt() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.copy(Repo.template(), repo.resolve("template.yaml"));
        Path below = Files.createDirectories(repo.resolve("functions/src"));

        Run seed = run(below, Map.of(), "seed");
        assertEquals(0, seed.status(), seed.err());
        assertEquals(List.of("Example posts in " + repo.resolve(".inlagg") + ":", "  /posts/att-gastspela-som-chef",
                "  /posts/manadsmote-samverkan-for-klientens-basta"), seed.out());
        assertFalse(Files.exists(repo.resolve(".inlagg").resolve(LocalServer.SEEDING)), "seeded: no examples owed to the next start");
        Run again = run(below, Map.of(), "seed");
        assertEquals("The example posts are already in " + repo.resolve(".inlagg") + " (nothing added):", again.out().getFirst(), "says so");

        Run author = run(below, Map.of(), "create-author", "--role", "Frivårdsinspektör", "--office", "Frivården Malmö", "Åsa", "Öberg");
        assertEquals(0, author.status(), author.err());
        String token = author.out().getLast();

        try (LocalTable table = LocalTable.open(repo.resolve("template.yaml"), repo.resolve(".inlagg"))) {
            var wiring = table.wiring(ZoneId.of("UTC"));
            String id = wiring.authors().authenticate("Bearer " + token).orElseThrow();
            assertEquals(Optional.of(new Byline("Åsa Öberg", Optional.of("Frivårdsinspektör"), Optional.of("Frivården Malmö"))),
                    wiring.authors().profile(id));
            assertTrue(wiring.posts().get("att-gastspela-som-chef", Optional.empty()) instanceof Outcome.Done<?>);
        }
    }

    /** Beside LocalStack, say: the commands work on the table the server reads there, not on the data folder's own. */
    @Test
    void theCommandsUseTheDynamoDbEndpointTheServerIsGiven() throws Exception {
        try (var elsewhere = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.inMemory())) {
            Map<String, String> there = Map.of("DATA_DIR", dir.resolve("one").toString(),
                    "AWS_ENDPOINT_URL_DYNAMODB", elsewhere.endpoint().toString());
            Run first = run(Repo.root(), there, "seed");
            assertEquals(0, first.status(), first.err());
            assertEquals("Example posts in the table at " + elsewhere.endpoint() + ":", first.out().getFirst());
            // Another data folder, the same endpoint: the posts are there already.
            Run again = run(Repo.root(), Map.of("DATA_DIR", dir.resolve("two").toString(),
                    "AWS_ENDPOINT_URL_DYNAMODB", elsewhere.endpoint().toString()), "seed");
            assertTrue(again.out().getFirst().startsWith("The example posts are already in the table at "), again.out().toString());
            Run author = run(Repo.root(), there, "create-author", "--office", "Frivården Umeå", "Örjan", "Ek");
            assertEquals(0, author.status(), author.err());
            // None of it went into the data folder's own table.
            try (LocalTable own = LocalTable.open(Repo.template(), dir.resolve("one"))) {
                assertEquals(0, own.client().scan(r -> r.tableName(own.name())).count());
            }
        }
    }

    /** A leaked token must not work for good: revoke-author takes it and its sessions away. */
    @Test
    void revokeAuthorTakesEveryTokenAndSessionAwayAndNewTokenLetsThemBackIn() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> folder = Map.of("DATA_DIR", data.toString());
        Run author = run(Repo.root(), folder, "create-author", "--office", "Frivården Malmö", "Åsa", "Öberg");
        assertEquals(0, author.status(), author.err());
        String token = author.out().getLast();
        String id;
        String post;
        Instant now = Instant.now();
        List<String> sessions = new ArrayList<>();
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            var wiring = table.wiring(ZoneId.of("UTC"));
            id = wiring.authors().authenticate("Bearer " + token).orElseThrow();
            // More than one transaction's worth (50 a transaction), as an author signed in on every device for weeks.
            for (int i = 0; i < 60; i++) {
                sessions.add(wiring.sessions().signIn(token, now).orElseThrow().id());
            }
            var draft = new PostDraft(Optional.of("Före återkallelsen"), Optional.of("Text."), Optional.of("Åsa Öberg"), Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("published"));
            post = LocalInvocation.run("test", () -> ((Outcome.Done<Post>) wiring.posts().create(draft, id, Optional.empty())).value().summary().slug());
        }

        Run revoked = run(Repo.root(), folder, "revoke-author", id);
        assertEquals(0, revoked.status(), revoked.err());
        assertEquals("Revoked 1 token and 60 sessions of author " + id + ". Their posts stay.", revoked.out().getFirst());
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            var wiring = table.wiring(ZoneId.of("UTC"));
            assertEquals(Optional.empty(), wiring.authors().authenticate("Bearer " + token), "the API refuses the token");
            for (String session : sessions) {
                assertEquals(Optional.empty(), wiring.sessions().find(session, now), "every page signs them out");
            }
            assertTrue(wiring.sessions().signIn(token, now).isEmpty(), "nor can the token sign in again");
            // A sign-in that read the token just before the revocation deleted it saves no session after it.
            var store = new SessionStore(new Table(table.name(), table.client()), new Transactions(table.client(), Duration.ofSeconds(2)));
            assertFalse(store.save(Tokens.sha256("a session begun too late"), new SessionStore.StoredSession(id, "csrf", now.plusSeconds(60)),
                    Optional.of(Tokens.sha256(token))), "the token is gone, so the session is not saved");
            assertEquals(Optional.empty(), wiring.sessions().find("a session begun too late", now));
            // A session an older version saved, with no record under its author for a revocation to find, counts for nothing.
            table.client().putItem(r -> r.tableName(table.name()).item(Map.of("PK", AttributeValue.fromS("SESSION#" + Tokens.sha256("an old session")),
                    "SK", AttributeValue.fromS("SESSION"), "authorId", AttributeValue.fromS(id), "csrf", AttributeValue.fromS("csrf"),
                    "expiresAt", AttributeValue.fromN(Long.toString(now.plusSeconds(3600).getEpochSecond())))));
            assertEquals(Optional.empty(), wiring.sessions().find("an old session", now));
            assertTrue(wiring.posts().get(post, Optional.empty()) instanceof Outcome.Done<?>, "their posts stay");
            assertTrue(wiring.authors().profile(id).isPresent(), "and so do they");
        }
        Run again = run(Repo.root(), folder, "revoke-author", id);
        assertEquals("Revoked 0 tokens and 0 sessions of author " + id + ". Their posts stay.", again.out().getFirst());

        Run fresh = run(Repo.root(), folder, "new-token", id);
        assertEquals(0, fresh.status(), fresh.err());
        String newToken = fresh.out().getLast();
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            assertEquals(Optional.of(id), table.wiring(ZoneId.of("UTC")).authors().authenticate("Bearer " + newToken));
        }
        // By the token itself, from standard input: also a token of an older version, not recorded under its author.
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            table.client().deleteItem(r -> r.tableName(table.name()).key(Map.of(
                    "PK", AttributeValue.fromS("AUTHOR#" + id), "SK", AttributeValue.fromS("TOKEN#" + Tokens.sha256(newToken)))));
        }
        Run byToken = runWithInput(Repo.root(), folder, newToken + "\n", "revoke-author", "--token");
        assertEquals(0, byToken.status(), byToken.err());
        assertEquals("Revoked 1 token and 0 sessions of author " + id + ". Their posts stay.", byToken.out().getFirst());
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            assertEquals(Optional.empty(), table.wiring(ZoneId.of("UTC")).authors().authenticate("Bearer " + newToken));
        }
        Run unknownToken = runWithInput(Repo.root(), folder, newToken, "revoke-author", "--token");
        assertEquals(1, unknownToken.status());
        assertTrue(unknownToken.err().startsWith("inlagg revoke-author: that token is no author's"), unknownToken.err());

        // A mistyped id must not say "Revoked 0 tokens", exit 0, while the leaked token keeps working.
        Run mistyped = run(Repo.root(), folder, "revoke-author", id + "x");
        assertEquals(1, mistyped.status(), mistyped.out().toString());
        assertTrue(mistyped.err().startsWith("inlagg revoke-author: there is no author " + id + "x in that table, so nothing was revoked."),
                mistyped.err());
        assertTrue(mistyped.out().isEmpty(), "no line says anything was revoked: " + mistyped.out());
        Run nobody = run(Repo.root(), folder, "new-token", "finns-inte");
        assertEquals(1, nobody.status());
        assertEquals("inlagg new-token: there is no author finns-inte in that table.", nobody.err().strip());
        Run noId = run(Repo.root(), folder, "revoke-author");
        assertEquals(2, noId.status());
        assertTrue(noId.err().startsWith("inlagg revoke-author: takes one author id"), noId.err());
        Run noToken = runWithInput(Repo.root(), folder, "", "revoke-author", "--token");
        assertEquals(2, noToken.status());
        assertTrue(noToken.err().startsWith("inlagg revoke-author: --token reads the token from standard input, and it was empty"), noToken.err());
        Run both = runWithInput(Repo.root(), folder, newToken, "revoke-author", "--token", id);
        assertEquals(2, both.status());
        assertTrue(both.err().startsWith("inlagg revoke-author: takes an author id or --token"), both.err());
    }

    /**
     * The id revoke-author and new-token take is printed once by create-author, so an author who has left must be found
     * again: list-authors lists every author by name, in Swedish order, with what each still holds (sessions that have
     * ended not counted); an author made before the list existed is found by their published posts, and joins the list
     * when their profile is saved.
     */
    @Test
    void listAuthorsShowsEveryAuthorsIdBylineAndWhatTheyStillHold() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> folder = Map.of("DATA_DIR", data.toString());
        Run none = run(Repo.root(), folder, "list-authors");
        assertEquals(0, none.status(), none.err());
        assertEquals(List.of("0 authors."), none.out());

        String asa = run(Repo.root(), folder, "create-author", "--role", "Frivårdsinspektör", "--office", "Frivården Malmö", "Åsa", "Öberg")
                .out().getLast();
        String arla = run(Repo.root(), folder, "create-author", "Ärla", "Berg").out().getLast();
        String zara = run(Repo.root(), folder, "create-author", "--office", "Anstalten Ystad", "Zara", "Lind").out().getLast();
        Map<String, String> ids = new HashMap<>();
        Instant now = Instant.now();
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            var wiring = table.wiring(ZoneId.of("UTC"));
            for (String token : List.of(asa, arla, zara)) {
                ids.put(token, wiring.authors().authenticate("Bearer " + token).orElseThrow());
            }
            wiring.sessions().signIn(arla, now).orElseThrow();
            wiring.sessions().signIn(arla, now).orElseThrow();
            // Ended (a session lasts 8 hours), its record not yet taken by TTL: not counted.
            wiring.sessions().signIn(arla, now.minus(Duration.ofHours(9))).orElseThrow();
            // Authors as a version before the list wrote them: the item alone, in no list. One has published a post.
            for (String[] old : List.of(new String[] {"olle-fran-forr", "Olle Gammal"}, new String[] {"pia-fran-forr", "Pia Publicerad"})) {
                table.client().putItem(r -> r.tableName(table.name()).item(Map.of("PK", AttributeValue.fromS("AUTHOR#" + old[0]),
                        "SK", AttributeValue.fromS("AUTHOR"), "name", AttributeValue.fromS(old[1]),
                        "createdAt", AttributeValue.fromS("2026-01-15T08:00:00Z"), "updatedAt", AttributeValue.fromS("2026-01-15T08:00:00Z"))));
            }
            var published = new PostDraft(Optional.of("Skrivet före listan"), Optional.of("Text."), Optional.of("Pia Publicerad"),
                    Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of("published"));
            assertTrue(LocalInvocation.run("test", () -> wiring.posts().create(published, "pia-fran-forr", Optional.empty())) instanceof Outcome.Done<?>);
        }
        assertEquals(0, run(Repo.root(), folder, "revoke-author", ids.get(zara)).status(), "Zara has left");

        Run listed = run(Repo.root(), folder, "list-authors");
        assertEquals(0, listed.status(), listed.err());
        String made = "; made " + now.toString().substring(0, 10) + ")";
        // Swedish order: Z, then Å, Ä, Ö (by code point Ä would come before Å).
        assertEquals(List.of("4 authors, by name:",
                "  pia-fran-forr  Pia Publicerad  (0 tokens, 0 sessions; made 2026-01-15)",
                "  " + ids.get(zara) + "  Zara Lind, Anstalten Ystad  (0 tokens, 0 sessions" + made,
                "  " + ids.get(asa) + "  Åsa Öberg, Frivårdsinspektör, Frivården Malmö  (1 token, 0 sessions" + made,
                "  " + ids.get(arla) + "  Ärla Berg  (1 token, 2 sessions" + made), listed.out());

        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            assertTrue(table.wiring(ZoneId.of("UTC")).authors().saveProfile("olle-fran-forr",
                    new Byline("Olle Gammal", Optional.of("Handläggare"), Optional.empty()), now));
        }
        List<String> again = run(Repo.root(), folder, "list-authors").out();
        assertEquals("5 authors, by name:", again.getFirst());
        assertEquals("  olle-fran-forr  Olle Gammal, Handläggare  (0 tokens, 0 sessions; made 2026-01-15)", again.get(1),
                "saving the profile put them in the list: " + again);

        // A name that ends in an open override turns nothing after it: it is isolated, its override closed, as on the pages.
        String turned = run(Repo.root(), folder, "create-author", "--office", "Ystad", "Sara \u202Eknörrab").out().getLast();
        String saraId;
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            saraId = table.wiring(ZoneId.of("UTC")).authors().authenticate("Bearer " + turned).orElseThrow();
        }
        String saraLine = run(Repo.root(), folder, "list-authors").out().stream().filter(l -> l.contains(saraId)).findFirst().orElseThrow();
        assertEquals("  " + saraId + "  \u2066Sara \u202Eknörrab\u202C\u2069, Ystad  (1 token, 0 sessions" + made, saraLine);

        Run extra = run(Repo.root(), folder, "list-authors", "Åsa");
        assertEquals(2, extra.status());
        assertTrue(extra.err().startsWith("inlagg list-authors: takes no arguments but --aws"), extra.err());
    }

    /**
     * --aws without a region, credentials or the stack's outputs, and PORT=abc, are one line each saying what to set, not a
     * stack trace (nor revoke-author's advice to run it again); nothing is changed.
     */
    @Test
    void aMissingAwsSettingOrABadPortIsSaidInOneLineWithWhatToSet() throws Exception {
        Map<String, List<String>> commands = Map.of("create-author", List.of("create-author", "--aws", "Anna Lindqvist"),
                "new-token", List.of("new-token", "--aws", "abc"), "revoke-author", List.of("revoke-author", "--aws", "abc"),
                "reindex", List.of("reindex", "--aws"), "list-authors", List.of("list-authors", "--aws"));
        List<Map<String, String>> settings = List.of(Map.of(), Map.of("AWS_REGION", "eu-north-1"),
                Map.of("AWS_REGION", "eu-north-1", "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "exempel"));
        List<String> missing = List.of("region", "credentials", "TABLE_NAME");
        for (int i = 0; i < settings.size(); i++) {
            for (var command : commands.entrySet()) {
                Run refused = run(Repo.root(), settings.get(i), command.getValue().toArray(String[]::new));
                String what = command.getKey() + " without " + missing.get(i);
                assertEquals(1, refused.status(), what + ": " + refused.err());
                List<String> lines = refused.err().lines().toList();
                assertEquals(1, lines.size(), what + ": " + refused.err());
                assertTrue(lines.getFirst().startsWith("inlagg " + command.getKey() + ": "), what + ": " + lines);
                assertTrue(lines.getFirst().contains(missing.get(i)) && lines.getFirst().contains("Nothing was changed")
                        && lines.getFirst().contains("AWS_REGION"), what + ": " + lines);
                assertTrue(refused.out().isEmpty(), what + ": " + refused.out());
            }
        }
        // A profile that signs in through SSO needs a module of the SDK this command does not carry.
        Path config = dir.resolve("aws-config");
        Files.writeString(config, "[profile sso]\nsso_start_url = https://exempel.awsapps.com/start\nsso_region = eu-north-1\n"
                + "sso_account_id = 123456789012\nsso_role_name = Skribent\nregion = eu-north-1\n");
        Run sso = run(Repo.root(), Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_PROFILE", "sso"), "revoke-author", "--aws", "abc");
        assertEquals(1, sso.status(), sso.err());
        assertTrue(sso.err().startsWith("inlagg revoke-author: the AWS profile signs in through SSO or a role, which this command cannot"
                + " do itself; export the profile's credentials first: eval \"$(aws configure export-credentials --format env)\""), sso.err());
        Run badSite = run(Repo.root(), Map.of("AWS_REGION", "eu-north-1", "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY",
                "exempel", "TABLE_NAME", "inlagg-test", "SITE_URL", "https://blogg example.se"), "new-token", "--aws", "abc");
        assertEquals(1, badSite.status(), badSite.err());
        assertEquals(1, badSite.err().lines().count(), badSite.err());
        assertTrue(badSite.err().startsWith("inlagg new-token: SITE_URL must be an address like https://blogg.example.se, not "
                + "https://blogg example.se. Nothing was changed."), badSite.err());
        Run noBucket = run(Repo.root(), Map.of("AWS_REGION", "eu-north-1", "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY",
                "exempel", "TABLE_NAME", "inlagg-test"), "reindex", "--aws");
        assertEquals(1, noBucket.status(), noBucket.err());
        assertEquals(1, noBucket.err().lines().count(), noBucket.err());
        assertTrue(noBucket.err().startsWith("inlagg reindex: SEARCH_BUCKET is not set"), noBucket.err());

        for (String port : List.of("abc", "99999", "-1")) {
            Run serve = run(Repo.root(), Map.of("DATA_DIR", dir.resolve("port").toString(), "PORT", port), "serve");
            assertEquals(2, serve.status(), port + ": " + serve.err());
            assertTrue(serve.err().startsWith("inlagg serve: PORT is " + port + ", which is no port: give a number from 1 to 65535"),
                    serve.err());
            assertFalse(serve.err().contains("Exception"), serve.err());
        }
    }

    /**
     * A wrong TABLE_NAME, a missing permission or no network is one line for every --aws command, not a stack trace, and
     * revoke-author's advice to run it again by id does not go to one who has only the token.
     */
    @Test
    void aRequestToTheDeployedTableThatFailsIsSaidInOneLineNamingTheTableAndRegion() throws Exception {
        Map<String, String> aws = Map.of("AWS_REGION", "eu-north-1", "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "exempel",
                "TABLE_NAME", "inlagg-finns-inte");
        try (var dynamo = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.inMemory())) {
            Map<String, String> noTable = new HashMap<>(aws);
            noTable.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
            for (List<String> command : List.of(List.of("list-authors", "--aws"), List.of("new-token", "--aws", "abc"),
                    List.of("create-author", "--aws", "Anna Lindqvist"))) {
                Run failed = run(Repo.root(), noTable, command.toArray(String[]::new));
                assertEquals(1, failed.status(), command + ": " + failed.err());
                assertEquals(List.of("inlagg " + command.getFirst() + ": there is no table inlagg-finns-inte in eu-north-1: TABLE_NAME is the"
                        + " stack's TableName output, and AWS_REGION its region (README, \"The first author\")"), failed.err().lines().toList());
            }
            Run byToken = runWithInput(Repo.root(), noTable, "en-token", "revoke-author", "--token", "--aws");
            assertEquals(1, byToken.status(), byToken.err());
            assertEquals(1, byToken.err().lines().count(), byToken.err());
            // Refused before anything was read: nothing changed, and nothing to run again.
            assertTrue(byToken.err().contains("there is no table inlagg-finns-inte") && byToken.err().contains("Nothing was changed.")
                    && !byToken.err().contains("run it again"), byToken.err());
        }
        Map<String, String> unreachable = new HashMap<>(aws);
        try (var closed = new ServerSocket(0)) {
            unreachable.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + closed.getLocalPort());
        }
        Run offline = run(Repo.root(), unreachable, "list-authors", "--aws");
        assertEquals(1, offline.status(), offline.err());
        assertEquals(1, offline.err().lines().count(), offline.err());
        assertTrue(offline.err().startsWith("inlagg list-authors: a request to AWS in eu-north-1 failed ("), offline.err());
    }

    /**
     * The local server's own token, revoked, must not be made an author again at the next start (its file would still hold
     * it). Revoking it deletes the file; the next start makes a new author and token.
     */
    @Test
    void revokingTheLocalServersOwnTokenDeletesItsFileAndTheNextStartMakesANewOne() throws Exception {
        Path data = dir.resolve("data");
        var options = new LocalServer.Options(Repo.template(), data, 0, Optional.empty(), Optional.empty(), Optional.empty());
        String first;
        try (var server = LocalServer.start(options)) {
            first = server.devToken();
        }
        Map<String, String> folder = Map.of("DATA_DIR", data.toString());
        Run other = run(Repo.root(), folder, "create-author", "Åsa", "Öberg");
        Run otherRevoked = runWithInput(Repo.root(), folder, other.out().getLast(), "revoke-author", "--token");
        assertEquals(0, otherRevoked.status(), otherRevoked.err());
        assertTrue(Files.exists(data.resolve(LocalServer.DEV_TOKEN_FILE)), "another author's revocation leaves it");

        Run revoked = runWithInput(Repo.root(), folder, first, "revoke-author", "--token");
        assertEquals(0, revoked.status(), revoked.err());
        assertTrue(revoked.out().stream().anyMatch(l -> l.startsWith("That was the local server's own author: ")), revoked.out().toString());
        assertTrue(Files.notExists(data.resolve(LocalServer.DEV_TOKEN_FILE)));
        String second;
        try (var server = LocalServer.start(options)) {
            second = server.devToken();
        }
        assertFalse(second.equals(first), "a new token");
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            var authors = table.wiring(ZoneId.of("UTC")).authors();
            assertFalse(authors.knows(first), "the revoked one stays revoked");
            assertTrue(authors.knows(second));
        }
    }

    @Test
    void whileTheServerHoldsTheFolderEveryCommandRefusesInOneLineNamingItsPidAndUrl() throws Exception {
        Path data = dir.resolve("data");
        try (var server = LocalServer.start(new LocalServer.Options(Repo.template(), data, 0, Optional.empty(),
                Optional.empty(), Optional.empty()))) {
            String holder = data + " is in use by the Inlägg server at http://localhost:" + server.port()
                    + " (pid " + ProcessHandle.current().pid() + ")";
            for (List<String> command : List.of(List.of("seed"), List.of("create-author", "Anna Lindqvist"), List.of("serve"))) {
                Run refused = run(Repo.root(), Map.of("DATA_DIR", data.toString(), "PORT", "0"), command.toArray(String[]::new));
                assertEquals(1, refused.status(), command + " " + refused.out());
                List<String> lines = refused.err().lines().toList();
                assertEquals(1, lines.size(), "one line: " + refused.err());
                assertTrue(lines.getFirst().startsWith("inlagg " + command.getFirst() + ": " + holder + "; "), lines.getFirst());
            }
            assertTrue(Files.isRegularFile(data.resolve(DataFolder.SERVER_FILE)));
        }
        assertTrue(Files.notExists(data.resolve(DataFolder.SERVER_FILE)), "a stopped server withdraws its server.json");
    }

    /**
     * A data folder that cannot be written (read-only, or a full disk) is one line for every command, not a stack trace
     * from deep in the embedded DynamoDB. Under a regular file, as any user (root too) meets it.
     */
    @Test
    void aDataFolderThatCannotBeWrittenIsOneLineNamingItAndWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "a file where the data folder's parent should be");
        Path data = file.resolve("data");
        assertOneLineRefusal(data, "(" + file + " is a file, not a folder); move it away, or set DATA_DIR to another folder.");
        assertTrue(Files.isRegularFile(file), "the file is left as it was");
    }

    /**
     * A folder, or a file in it, that the system refuses to let us write (chmod -R a-w) is said so, with what to do. Told
     * from the system's refusal itself: CI runs as root, which writes a read-only folder all the same, so no folder made
     * here could show it (the check was run by hand as an unprivileged user, where every command gave this line).
     */
    @Test
    void aFolderOrAFileInItThatTheSystemRefusesIsSaidSoWithWhatToDo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        assertEquals("inlagg seed: cannot write the data folder " + data + " (permission denied); make it writable, or set DATA_DIR to"
                + " another folder.", FolderNotWritable.of(data, new AccessDeniedException(data.toString())).message("seed"));
        Path lock = data.resolve("dynamodb").resolve("lock");
        RuntimeException explained = FolderNotWritable.explain(data,
                new UncheckedIOException(new IOException("could not open the journal",
                        new AccessDeniedException(lock.toString()))));
        assertEquals("inlagg serve: cannot write the data folder " + data + " (" + lock + ": permission denied); make it and everything"
                + " in it writable, or set DATA_DIR to another folder.", ((FolderNotWritable) explained).message("serve"));
        // A folder the system makes none at: its own reason, not the "no space" its file system's size of 0 suggests
        // (DATA_DIR=/proc/x is on no full disk).
        Path nowhere = Path.of("/proc/inlagg-test-" + ProcessHandle.current().pid());
        assertEquals("inlagg seed: cannot write the data folder " + nowhere + " (No such file or directory); make it writable, or set"
                + " DATA_DIR to another folder.", FolderNotWritable.of(nowhere,
                new NoSuchFileException(nowhere.toString(), null, "No such file or directory")).message("seed"));
        var damaged = new UncheckedIOException(new IOException("the journal is damaged at byte 42"));
        assertEquals(damaged, FolderNotWritable.explain(data, damaged), "a damaged journal says what to do in its own message");
    }

    /**
     * Settings that cannot work, a file where the data folder keeps a folder, and an id no author can have are each one
     * line naming what to change, not a stack trace, nor a token the banner offers that no request can carry.
     */
    @Test
    void settingsAFolderOrAnIdThatCannotWorkAreOneLineNamingWhatToChange() throws Exception {
        Path data = dir.resolve("data");
        Run noScheme = run(Repo.root(), Map.of("DATA_DIR", data.toString(), "AWS_ENDPOINT_URL_DYNAMODB", "localhost:4566"), "list-authors");
        assertEquals(2, noScheme.status(), noScheme.err());
        assertEquals("inlagg list-authors: AWS_ENDPOINT_URL_DYNAMODB is localhost:4566, which is no address to send requests to: give"
                + " one like http://localhost:4566", noScheme.err().lines().findFirst().orElseThrow());

        int closed;
        try (var socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Run unreached = run(Repo.root(), Map.of("DATA_DIR", data.toString(), "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + closed),
                "list-authors");
        assertEquals(1, unreached.status(), unreached.err());
        assertEquals(1, unreached.err().lines().count(), unreached.err());
        assertTrue(unreached.err().startsWith("inlagg list-authors: could not reach the endpoint given (AWS_ENDPOINT_URL_DYNAMODB="
                + "http://127.0.0.1:" + closed + "): "), unreached.err());

        Run spaced = run(Repo.root(), Map.of("DATA_DIR", data.toString(), "PORT", "0", "INLAGG_DEV_TOKEN", "min token"), "serve");
        assertEquals(2, spaced.status(), spaced.err());
        assertTrue(spaced.err().startsWith("inlagg serve: INLAGG_DEV_TOKEN is no token a request can carry"), spaced.err());
        assertEquals(List.of(), spaced.out(), "no banner offering it");

        Run longId = run(Repo.root(), Map.of("DATA_DIR", data.toString()), "new-token", "a".repeat(3000));
        assertEquals(1, longId.status(), longId.err());
        assertEquals(List.of("inlagg new-token: there is no author " + "a".repeat(80) + "… in that table."), longId.err().lines().toList());

        Path inTheWay = Files.createDirectories(dir.resolve("damaged"));
        Files.writeString(inTheWay.resolve("s3"), "a file where the pictures' folder is kept");
        Run damaged = run(Repo.root(), Map.of("DATA_DIR", inTheWay.toString()), "reindex");
        assertEquals(1, damaged.status(), damaged.err());
        assertEquals(1, damaged.err().lines().count(), damaged.err());
        assertTrue(damaged.err().startsWith("inlagg reindex: cannot write the data folder " + inTheWay + " (" + inTheWay.resolve("s3")),
                damaged.err());
        assertTrue(damaged.err().strip().endsWith("move it away, or set DATA_DIR to another folder."), damaged.err());
    }

    /** Every command on the data folder: exit 1 and one line, the folder and why, no stack trace. */
    private void assertOneLineRefusal(Path data, String why) throws Exception {
        for (List<String> command : List.of(List.of("serve"), List.of("seed"), List.of("create-author", "Anna Lindqvist"),
                List.of("reindex"), List.of("new-token", "8b0d6b3e-5c1a-4f1e-9a57-2f3c1d4e5f60"))) {
            Run refused = run(Repo.root(), Map.of("DATA_DIR", data.toString(), "PORT", "0"), command.toArray(String[]::new));
            assertEquals(1, refused.status(), command + " " + refused.out() + refused.err());
            assertEquals(List.of("inlagg " + command.getFirst() + ": cannot write the data folder " + data + " " + why),
                    refused.err().lines().toList(), command.toString());
            assertEquals(List.of(), refused.out(), command.toString());
        }
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        for (List<String> command : List.of(List.of("help"), List.of("--help"), List.of("serve", "--help"), List.of("seed", "--help"),
                List.of("create-author", "--help"), List.of("revoke-author", "--help"), List.of("new-token", "--help"),
                List.of("list-authors", "--help"), List.of("reindex", "--help"), List.of("help", "seed"), List.of("help", "help"))) {
            Run help = run(dir, Map.of(), command.toArray(String[]::new));
            assertEquals(0, help.status(), command.toString());
            assertEquals("", help.err(), command.toString());
            String named = command.getFirst().equals("help") && command.size() == 2 ? command.getLast() : command.getFirst();
            String expected = command.size() == 1 || named.equals("help") ? "usage: ./inlagg [command]" : "usage: ./inlagg " + named;
            assertTrue(help.out().getFirst().startsWith(expected), command + ": " + help.out());
        }
    }

    /** test and env are the script's own: their --help prints neither the exports nor Maven's usage. */
    @Test
    void theScriptsOwnCommandsHaveHelpToo() throws Exception {
        for (String command : List.of("test", "env")) {
            for (List<String> asked : List.of(List.of(command, "--help"), List.of("help", command))) {
                Script help = script(asked);
                assertEquals(0, help.status(), asked + ": " + help.out());
                assertTrue(help.out().startsWith(command.equals("test") ? "usage: ./inlagg test" : "usage: eval \"$(./inlagg env)\""),
                        asked + ": " + help.out());
            }
        }
    }

    /**
     * A name that is no command, or an argument a command does not take, is a usage error of the script's own, before any
     * JVM, not every command's usage ({@code help bogus}) or the exports ({@code env --bogus}) and exit 0.
     */
    @Test
    void theScriptRefusesWhatItDoesNotTake() throws Exception {
        Script bogusHelp = script(List.of("help", "bogus"));
        assertEquals(2, bogusHelp.status());
        assertEquals("inlagg help: there is no command bogus; ./inlagg help lists them\n", bogusHelp.out());
        Script envWithArgument = script(List.of("env", "--bogus"));
        assertEquals(2, envWithArgument.status());
        assertTrue(envWithArgument.out().startsWith("inlagg env: takes no arguments"), envWithArgument.out());
        assertFalse(envWithArgument.out().contains("export"), envWithArgument.out());
        Run bogusInTheJar = run(dir, Map.of(), "help", "bogus");
        assertEquals(2, bogusInTheJar.status());
        assertTrue(bogusInTheJar.err().startsWith("inlagg help: there is no command bogus\n"), bogusInTheJar.err());
        Run scriptsOwn = run(dir, Map.of(), "help", "env");
        assertEquals(2, scriptsOwn.status());
        assertTrue(scriptsOwn.err().startsWith("inlagg help: env is ./inlagg's own command: ./inlagg help env tells of it\n"), scriptsOwn.err());
    }

    private record Script(int status, String out) {
    }

    /** The ./inlagg script, its output and errors together, for what it answers itself (nothing that needs the jar built). */
    private static Script script(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "inlagg"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(Repo.root().toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Script(process.waitFor(), out);
    }

    @Test
    void wrongArgumentsAreAUsageErrorThatNamesTheProblem() throws Exception {
        Run noName = run(Repo.root(), Map.of("DATA_DIR", dir.toString()), "create-author", "--role", "Enhetschef");
        assertEquals(2, noName.status());
        assertTrue(noName.err().startsWith("inlagg create-author: the author needs a name\nusage: ./inlagg create-author"), noName.err());
        // "nej" is no yes: a new folder gets no example posts unasked.
        Path unseeded = dir.resolve("unseeded");
        Run seedAsked = run(Repo.root(), Map.of("DATA_DIR", unseeded.toString(), "PORT", "0", "INLAGG_SEED", "nej"), "serve");
        assertEquals(2, seedAsked.status());
        assertTrue(seedAsked.err().startsWith("inlagg serve: INLAGG_SEED is nej: give true, or false for a new data folder without the"
                + " example posts\nusage: ./inlagg serve"), seedAsked.err());
        assertFalse(Files.exists(unseeded.resolve("dynamodb")), "nothing was made");
        Run unknown = run(Repo.root(), Map.of(), "publicera");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("inlagg publicera: there is no command publicera\n"), unknown.err());
    }

    /** No idle thread may keep a command alive after its work. */
    @Test
    void aCommandExitsAsSoonAsItsWorkIsDone() throws Exception {
        Run seed = run(Repo.root(), Map.of("DATA_DIR", dir.toString()), "seed");
        assertEquals(0, seed.status(), seed.err());
        long lingered = TimeUnit.NANOSECONDS.toMillis(seed.exitNanos() - seed.lastLineNanos());
        assertTrue(lingered < 1500, "exited " + lingered + " ms after its last line");
    }

    /** Main in a JVM of its own, in a working folder, with only the settings given (none inherited). */
    private static Run run(Path workingDir, Map<String, String> settings, String... args) throws Exception {
        return runWithInput(workingDir, settings, "", args);
    }

    /** As {@link #run}, with this on the command's standard input. */
    private static Run runWithInput(Path workingDir, Map<String, String> settings, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        for (String name : List.of("DATA_DIR", "PORT", "INLAGG_TEMPLATE", "INLAGG_DEV_TOKEN", "INLAGG_SEED", "TABLE_NAME", "SEARCH_BUCKET",
                "SITE_URL", "SITE_TIME_ZONE", "ACCESSIBILITY_STATEMENT_URL")) {
            builder.environment().remove(name);
        }
        // None of the machine's AWS settings either (a CI runner's container credentials, an endpoint of its own).
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        // No AWS settings of the machine's own: no profile files, and no instance's metadata service to wait for.
        builder.environment().putAll(Map.of("AWS_CONFIG_FILE", "/nonexistent/inlagg-test/aws-config",
                "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/inlagg-test/aws-credentials", "AWS_EC2_METADATA_DISABLED", "true"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        // Threads of their own: the common pool may have a single worker, and both streams block.
        try (ExecutorService readers = Executors.newFixedThreadPool(2)) {
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), readers);
            List<String> out = new CopyOnWriteArrayList<>();
            AtomicLong lastLine = new AtomicLong(System.nanoTime());
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
                try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        out.add(line);
                        lastLine.set(System.nanoTime());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, readers);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", args) + " did not end within 60 s; it printed " + out);
            }
            long exit = System.nanoTime();
            reading.get(10, TimeUnit.SECONDS);
            return new Run(process.exitValue(), List.copyOf(out), err.get(10, TimeUnit.SECONDS), lastLine.get(), exit);
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
