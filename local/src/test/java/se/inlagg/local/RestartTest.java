package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The local server keeps its data in DATA_DIR: a restart loses nothing. */
class RestartTest {

    @Test
    void postsTagsAndTheAuthorSurviveARestart() throws Exception {
        Path data = Files.createTempDirectory("inlagg-restart");
        try {
            String before;
            try (var first = new ServerExtension(data)) {
                assertEquals(201, first.http.createPost("Kvar efter omstart", "2019-01-30", "Omstart").status());
                before = first.http.get("/api/posts/kvar-efter-omstart").body();
            }
            try (var second = new ServerExtension(data)) {
                assertEquals(before, second.http.get("/api/posts/kvar-efter-omstart").body());
                assertEquals(1, second.http.get("/api/tags").json().path("items").get(0).path("count").asInt());
                assertEquals(201, second.http.createPost("Efter omstart", null).status(), "the same token still writes");
            }
        } finally {
            TempFolders.delete(data);
        }
    }

    /**
     * A kill -9 in the first second of a new folder's first start may leave one example post or none: such a stop leaves
     * the "seeding" mark, and the next start adds what is missing; a folder without the mark is never seeded again.
     */
    @Test
    void aFirstStartCutShortAddsTheMissingExamplesAtTheNext() throws Exception {
        Path data = Files.createTempDirectory("inlagg-seeding");
        try {
            try (var first = LocalServer.start(options(data, true))) {
                assertEquals(2, first.seeded().size());
            }
            assertFalse(Files.exists(data.resolve(LocalServer.SEEDING)), "no mark after a start that added them");
            // As a stop between the mark and the examples leaves it: the table there, the mark too, examples or not.
            Files.writeString(data.resolve(LocalServer.SEEDING), "");
            try (var again = LocalServer.start(options(data, true))) {
                assertEquals(List.of(), again.seeded(), "both there already: none added twice");
                assertEquals(2, new Http(again.baseUri(), null).get("/api/posts").json().path("items").size());
            }
            Path cut = Files.createTempDirectory("inlagg-seeding-cut");
            try {
                try (var none = LocalServer.start(options(cut, false))) {
                    assertEquals(List.of(), none.seeded());
                }
                try (var unmarked = LocalServer.start(options(cut, true))) {
                    assertEquals(List.of(), unmarked.seeded(), "a folder with no mark is not seeded again");
                }
                Files.writeString(cut.resolve(LocalServer.SEEDING), "");
                try (var marked = LocalServer.start(options(cut, true))) {
                    assertEquals(List.of("att-gastspela-som-chef", "manadsmote-samverkan-for-klientens-basta"), marked.seeded());
                    assertEquals(2, new Http(marked.baseUri(), null).get("/api/posts").json().path("items").size());
                }
                assertFalse(Files.exists(cut.resolve(LocalServer.SEEDING)), "the mark goes once the examples are in");
            } finally {
                TempFolders.delete(cut);
            }
        } finally {
            TempFolders.delete(data);
        }
    }

    /**
     * create-author (or list-authors) before a new folder's first start makes its table, and the server, finding a table
     * there, must still add the example posts: a table a command makes still owes them; `seed` settles it.
     */
    @Test
    void aTableACommandMadeBeforeTheFirstStartGetsTheExamplesAtIt() throws Exception {
        Path data = Files.createTempDirectory("inlagg-command-first");
        try {
            try (LocalTable table = LocalTable.open(Repo.template(), data)) {
                assertEquals(List.of(), table.wiring(ZoneId.of("UTC")).authors().all(Instant.now()));
            }
            assertTrue(Files.exists(data.resolve(LocalServer.SEEDING)), "the new table owes its examples");
            try (var first = LocalServer.start(options(data, true))) {
                assertEquals(List.of("att-gastspela-som-chef", "manadsmote-samverkan-for-klientens-basta"), first.seeded());
            }
            assertFalse(Files.exists(data.resolve(LocalServer.SEEDING)));
            try (LocalTable again = LocalTable.open(Repo.template(), data)) {
                assertFalse(Files.exists(data.resolve(LocalServer.SEEDING)), "a table there already owes nothing");
            }
        } finally {
            TempFolders.delete(data);
        }
    }

    /**
     * A start on a taken port says so before it makes the folder's table or adds the examples, so the next start's banner
     * still says they are new. The port is bound first.
     */
    @Test
    void aStartOnATakenPortLeavesTheDataFolderAsItWas() throws Exception {
        Path data = Files.createTempDirectory("inlagg-taken-port").resolve("data");
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var onTaken = new LocalServer.Options(Repo.template(), data, taken.getLocalPort(), Optional.empty(), Optional.empty(),
                    Optional.empty(), true);
            assertThrows(BindException.class, () -> LocalServer.start(onTaken));
            assertFalse(Files.exists(data.resolve("dev-token")), "no author made");
            try (LocalDynamo dynamo = LocalDynamo.start(data); var client = dynamo.client()) {
                assertEquals(List.of(), client.listTables().tableNames(), "no table made");
            }
            try (var first = LocalServer.start(options(data, true))) {
                assertEquals(2, first.seeded().size(), "the first real start adds the examples, and says so");
            }
        } finally {
            TempFolders.delete(data.getParent());
        }
    }

    /**
     * A start that fails after its server is serving (server.json cannot be written) must not start it once more to stop
     * it, which would throw over the real cause and leave the folder locked.
     */
    @Test
    void aStartThatFailsOnceServingSaysWhyAndLetsTheFolderGo() throws Exception {
        Path data = Files.createTempDirectory("inlagg-late-failure");
        try {
            Files.createDirectories(data.resolve(DataFolder.SERVER_FILE)); // a folder where the file goes
            var failed = assertThrows(UncheckedIOException.class, () -> LocalServer.start(options(data, true)));
            assertTrue(failed.getMessage().contains(DataFolder.SERVER_FILE), failed.getMessage());
            Files.delete(data.resolve(DataFolder.SERVER_FILE));
            try (var next = LocalServer.start(options(data, true))) {
                assertEquals(200, new Http(next.baseUri(), null).get("/api/posts").status(), "the folder was let go");
            }
        } finally {
            TempFolders.delete(data);
        }
    }

    private static LocalServer.Options options(Path data, boolean seed) {
        return new LocalServer.Options(Repo.template(), data, 0, Optional.empty(), Optional.empty(), Optional.empty(), seed);
    }

    /**
     * The functions read their settings from system properties, one server's at a time: a second server started beside a
     * first would change them under it (the first's search would reach for the second's S3 once it stopped, and answer
     * 500). The second start is refused, and the first serves on; once it stops, another starts.
     */
    @Test
    void aSecondServerInTheSameJvmIsRefusedWhileTheFirstRuns() throws Exception {
        Path data = Files.createTempDirectory("inlagg-first");
        Path other = Files.createTempDirectory("inlagg-second");
        Path third = Files.createTempDirectory("inlagg-third");
        try {
            var first = new ServerExtension(data);
            try (first) {
                var refused = assertThrows(IllegalStateException.class, () -> new ServerExtension(other));
                assertTrue(refused.getMessage().startsWith("an Inlägg server already runs in this JVM"), refused.getMessage());
                assertEquals(201, first.http.createPost("Den första svarar", "2019-01-30", "Ensam").status(), "the first serves on");
                assertEquals(1, first.http.get("/api/tags").json().path("items").get(0).path("count").asInt());
            }
            try (var second = new ServerExtension(other)) {
                assertEquals(200, second.http.get("/").status());
                first.close(); // a second close of the first must leave the second alone
                assertThrows(IllegalStateException.class, () -> new ServerExtension(third), "the second still runs");
                assertEquals(200, second.http.get("/").status());
            }
        } finally {
            TempFolders.delete(data);
            TempFolders.delete(other);
            TempFolders.delete(third);
        }
    }

    /**
     * Stopping the server (Ctrl-C) while a request is in flight answers it rather than resetting its connection. Here the stop
     * comes while a create's body is still arriving; the create is answered, and kept.
     */
    @Test
    void aStopAnswersTheRequestsInFlightAndKeepsWhatTheyWrote() throws Exception {
        Path data = Files.createTempDirectory("inlagg-stop");
        try {
            var server = new ServerExtension(data);
            // Stopped however the test ends: a server left running would have every later class's refused (LocalServer.start).
            CompletableFuture<Void> stopping = CompletableFuture.failedFuture(new IllegalStateException("not stopped yet"));
            byte[] body = "{\"title\": \"Skrivet medan servern stannade\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket(server.http.base().getHost(), server.http.base().getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/posts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ServerExtension.TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(300);
                stopping = CompletableFuture.runAsync(() -> {
                    try {
                        server.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(300);
                out.write(body, 10, body.length - 10);
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 201"), "answered, not cut off: " + answer);
                stopping.get();
            } finally {
                if (stopping.isCompletedExceptionally()) {
                    server.close(); // does nothing if the stop above began
                } else {
                    stopping.join();
                }
            }
            try (var again = new ServerExtension(data)) {
                assertEquals(200, again.http.get("/api/posts/skrivet-medan-servern-stannade").status(), "kept");
            }
        } finally {
            TempFolders.delete(data);
        }
    }
}
