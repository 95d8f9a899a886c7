package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The local server's stream poller when the changes after its kept position are gone: found by a probe, two
 * restarts in a row before the search indexer had caught up left it asking for that position forever, and
 * search found nothing written since. It makes up for what it missed (the index built anew from the table)
 * and reads on.
 */
class StreamRecoveryTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void changesGoneBeforeTheIndexerReadThemAreFoundAfterTheRestartAndSoIsWhatComesNext() throws Exception {
        Path data = dir.resolve("data");
        var options = new LocalServer.Options(Repo.template(), data, 0, Optional.empty(), Optional.empty(), Optional.empty());
        try (var server = LocalServer.start(options)) {
            create(server, "Valross i Västervik");
            awaitFound(server, "valross", 1);
        }
        Path positions = data.resolve("streams");
        assertTrue(Files.list(positions).anyMatch(p -> p.getFileName().toString().endsWith(".properties")), "a position is kept");

        // Written while no server ran (as a command does), with a body that outgrows the snapshot, so the next open
        // compacts; the open after that keeps no record of it: the position the server kept is gone.
        try (LocalTable table = LocalTable.open(Repo.template(), data)) {
            var posts = table.wiring(ZoneId.of("Europe/Stockholm")).posts();
            String body = "Sjölejonen simmade förbi. ".repeat(3_600);
            var created = posts.create(draft("Sjölejon i Skellefteå", body), "author-stream", Optional.empty());
            assertTrue(created instanceof Outcome.Done<?>, created.toString());
        }
        LocalTable.open(Repo.template(), data).close();

        try (var server = LocalServer.start(options)) {
            awaitFound(server, "sjölejon", 1);
            create(server, "Okapi i Umeå");
            awaitFound(server, "okapi", 1);
            assertEquals(1, found(server, "valross"), "what was indexed before is still there");
        }
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
                + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
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
