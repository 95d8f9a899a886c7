package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostDraft;

/**
 * The local server's stream poller when the changes after its kept position are gone (two restarts in a row before the
 * search indexer has caught up): it must not ask for that position forever, with search finding nothing written since.
 * It makes up for what it missed (the index built anew from the table) and reads on.
 */
@SameOnEveryBackend
class StreamRecoveryTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void changesGoneBeforeTheIndexerReadThemAreFoundAfterTheRestartAndSoIsWhatComesNext() throws Exception {
        Path data = dir.resolve("data");
        var options = withOnePostFound(data);
        Path positions = data.resolve("streams");
        assertTrue(Files.list(positions).anyMatch(p -> p.getFileName().toString().endsWith(".properties")), "a position is kept");

        writeWhileStoppedAndLetTheStreamForgetIt(data, "Sjölejon i Skellefteå");

        try (var server = LocalServer.start(options)) {
            awaitFound(server, "sjölejon", 1);
            create(server, "Okapi i Umeå");
            awaitFound(server, "okapi", 1);
            assertEquals(1, found(server, "valross"), "what was indexed before is still there");
        }
    }

    /**
     * An older copy of DATA_DIR/dynamodb put back under the newer streams/ folder (a backup restored) leaves the poller's
     * position past the end of the restored stream, where posts written after it would never be indexed. The poller finds
     * its position missing from the stream, builds the index anew from the table (what the restored table lacks is no
     * longer found) and reads on, so the next post is found.
     */
    @Test
    void aPositionAheadOfAnOlderTableRestoredUnderItIsMadeUpForAndWhatComesNextIsFound() throws Exception {
        Path data = dir.resolve("data");
        var options = withOnePostFound(data);
        Path backup = dir.resolve("backup");
        copyFolder(data.resolve("dynamodb"), backup);

        try (var server = LocalServer.start(options)) {
            for (String title : List.of("Sjölejon i Skellefteå", "Säl i Sundsvall", "Val i Varberg")) {
                create(server, title);
            }
            awaitFound(server, "sjölejon", 1);
            awaitFound(server, "varberg", 1);
        }
        // The older table put back; streams/ (and the index in s3/) keep what the newer one gave them.
        deleteFolder(data.resolve("dynamodb"));
        copyFolder(backup, data.resolve("dynamodb"));

        try (var server = LocalServer.start(options)) {
            create(server, "Okapi i Umeå");
            awaitFound(server, "okapi", 1);
            awaitFound(server, "sjölejon", 0);
            assertEquals(1, found(server, "valross"), "what the restored table holds is still found");
        }
    }

    /** A new table has a new stream: what the index holds from the old one's posts goes, and the new posts are found. */
    @Test
    void positionsInTheStreamOfATableMadeAnewAreMadeUpFor() throws Exception {
        Path data = dir.resolve("data");
        var options = withOnePostFound(data);
        deleteFolder(data.resolve("dynamodb"));

        try (var server = LocalServer.start(options)) {
            awaitFound(server, "valross", 0);
            create(server, "Okapi i Umeå");
            awaitFound(server, "okapi", 1);
        }
    }

    /** A position kept for a shard the stream does not have: the shard the stream has may have lost changes meanwhile. */
    @Test
    void aPositionInAShardTheStreamLacksIsMadeUpFor() throws Exception {
        Path data = dir.resolve("data");
        var options = withOnePostFound(data);
        writeWhileStoppedAndLetTheStreamForgetIt(data, "Sjölejon i Skellefteå");
        Path positions;
        try (var files = Files.list(data.resolve("streams"))) {
            positions = files.filter(p -> p.getFileName().toString().endsWith(".properties")).findFirst().orElseThrow();
        }
        Files.writeString(positions, Files.readString(positions).replaceAll("shard\\.shardId-[^=]*=", "shard.shardId-00000000000000000000-0="));

        try (var server = LocalServer.start(options)) {
            awaitFound(server, "sjölejon", 1);
            create(server, "Okapi i Umeå");
            awaitFound(server, "okapi", 1);
        }
    }

    /**
     * `./inlagg seed`, then `create-author`, then the first start: the changes are older than the stream keeps, and no
     * position says anything was missed, yet the example posts must be in search. A data folder no server has read begins
     * by building the index from the table.
     */
    @Test
    void postsWrittenByCommandsBeforeTheFirstStartAreFoundThoughTheStreamForgotThem() throws Exception {
        Path data = dir.resolve("data");
        writeWhileStoppedAndLetTheStreamForgetIt(data, "Sjölejon i Skellefteå");
        assertTrue(Files.notExists(data.resolve("streams")), "no server has read this folder");
        var options = new LocalServer.Options(Repo.template(), data, 0, Optional.empty(), Optional.empty(), Optional.empty());
        try (var server = LocalServer.start(options)) {
            awaitFound(server, "sjölejon", 1);
            create(server, "Okapi i Umeå");
            awaitFound(server, "okapi", 1);
        }
    }

    /** A data folder where a server made its table and stream, then wrote one post ("Valross i Västervik") and found it. */
    private LocalServer.Options withOnePostFound(Path data) throws Exception {
        var options = new LocalServer.Options(Repo.template(), data, 0, Optional.empty(), Optional.empty(), Optional.empty());
        try (var server = LocalServer.start(options)) {
            create(server, "Valross i Västervik");
            awaitFound(server, "valross", 1);
        }
        return options;
    }

    /**
     * A post written while no server ran (as a command does), with a body that outgrows the snapshot, so the next open
     * compacts; the open after that keeps no record of it: the position the server kept is gone.
     */
    private static void writeWhileStoppedAndLetTheStreamForgetIt(Path data, String title) {
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            var posts = table.wiring(ZoneId.of("Europe/Stockholm")).posts();
            String body = "Sjölejonen simmade förbi. ".repeat(3_600);
            var created = posts.create(draft(title, body), "author-stream", Optional.empty());
            assertTrue(created instanceof Outcome.Done<?>, created.toString());
        }
        LocalTable.open(Repo.template(), data).close();
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    private static PostDraft draft(String title, String body) {
        return new PostDraft(Optional.of(title), Optional.of(body), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("published"));
    }

    private void create(LocalServer server, String title) throws Exception {
        var reply = client.send(HttpRequest.newBuilder(URI.create(server.baseUri().resolve("/api/").toString() + "posts"))
                .header("Authorization", "Bearer " + server.devToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"" + title + "\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, reply.statusCode(), reply.body());
    }

    private int found(LocalServer server, String word) throws Exception {
        var reply = client.send(HttpRequest.newBuilder(URI.create(server.baseUri().resolve("/api/").toString() + "search?q="
                + URLEncoder.encode(word, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        return Http.JSON.readTree(reply.body()).path("total").asInt();
    }

    private void awaitFound(LocalServer server, String word, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (found(server, word) != expected) {
            assertTrue(System.nanoTime() < deadline, "search never found " + expected + " for " + word);
            Thread.sleep(200);
        }
    }
}
