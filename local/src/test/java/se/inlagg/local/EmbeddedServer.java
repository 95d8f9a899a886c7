package se.inlagg.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A server of a test's own on the embedded DynamoDB and S3, in a new folder removed again on close, whatever backend the
 * other tests run on: for what only the embedded ones can show (indexes held behind the table) or what LocalStack's
 * DynamoDB would take minutes over. A class using it is marked {@link SameOnEveryBackend}.
 */
final class EmbeddedServer implements AutoCloseable {

    final LocalServer server;
    private final Path data;

    private EmbeddedServer(Path data) throws Exception {
        this.data = data;
        this.server = LocalServer.start(new LocalServer.Options(Repo.template(), data, 0, Optional.empty(), Optional.empty(), Optional.empty()));
    }

    static EmbeddedServer start(String folderPrefix) throws Exception {
        return new EmbeddedServer(Files.createTempDirectory(folderPrefix));
    }

    @Override
    public void close() throws Exception {
        server.close();
        TempFolders.delete(data);
    }
}
