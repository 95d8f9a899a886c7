package se.inlagg.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder the local server and every command keep their data in: DATA_DIR when given, else
 * {@code .inlagg/} beside template.yaml, so the server and a command run from anywhere in the
 * repository agree. While a server runs, {@code server.json} in it says which one.
 */
final class DataFolder {

    static final String DEFAULT_NAME = ".inlagg";
    static final String SERVER_FILE = "server.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataFolder() {
    }

    /** DATA_DIR if set, else {@code .inlagg} in the folder that holds the template. */
    static Path resolve(Optional<String> dataDir, Path template) {
        return dataDir.map(Path::of).orElseGet(() -> template.toAbsolutePath().getParent().resolve(DEFAULT_NAME))
                .toAbsolutePath().normalize();
    }

    /** The server that serves a data folder: its process, port and URL. */
    record RunningServer(long pid, int port, URI url) {
    }

    /** Written at start, so a command refused the folder can say which server holds it. */
    static void announce(Path folder, RunningServer server) {
        var node = JSON.createObjectNode().put("pid", server.pid()).put("port", server.port()).put("url", server.url().toString());
        try {
            Files.writeString(folder.resolve(SERVER_FILE), node.toPrettyString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(SERVER_FILE), e);
        }
    }

    /** Removed at stop; a server killed outright leaves it behind, and the next start overwrites it. */
    static void withdraw(Path folder, long pid) {
        if (server(folder).filter(s -> s.pid() == pid).isPresent()) {
            try {
                Files.deleteIfExists(folder.resolve(SERVER_FILE));
            } catch (IOException e) {
                // Only a hint for other commands; the lock on the folder is what protects it.
            }
        }
    }

    /** The server that said it serves this folder, if its file is there and readable. */
    static Optional<RunningServer> server(Path folder) {
        Path file = folder.resolve(SERVER_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return Optional.of(new RunningServer(node.path("pid").asLong(), node.path("port").asInt(),
                    URI.create(node.path("url").asText())));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
