package se.inlagg.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import se.inlagg.app.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Starts a local server on a free port and a fresh data directory, and removes both afterwards. */
final class ServerExtension implements AutoCloseable {

    static final String TOKEN = "testtoken-" + UUID.randomUUID();

    final Path data;
    final LocalServer server;
    final Http http;
    private final boolean ownsData;

    /** A server on a new temporary folder, removed again on close. */
    ServerExtension() throws Exception {
        this(Files.createTempDirectory("inlagg-test"), true);
    }

    /** A server on a folder the caller keeps (a restart test starts two on one folder). */
    ServerExtension(Path data) throws Exception {
        this(data, false);
    }

    private ServerExtension(Path data, boolean ownsData) throws Exception {
        this.data = data;
        this.ownsData = ownsData;
        var endpoint = Backends.chosenEndpoint();
        // On a shared endpoint each data folder gets a table (and a bucket) of its own, so a restart finds its data.
        var table = endpoint.map(e -> "PostsTable-" + data.getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "-"));
        var options = new LocalServer.Options(Repo.template(), data, 0, Optional.of(TOKEN), endpoint, table);
        // On a shared S3 endpoint (LocalStack) buckets of its own, as each server has a table of its own;
        // else the server's own embedded S3 in its data folder, as ./inlagg runs it.
        var s3 = Backends.chosenS3Endpoint();
        if (s3.isPresent()) {
            options = options.withS3(s3.get(), Backends.bucketFor(data, "bilder"), Backends.bucketFor(data, "sok"));
        }
        this.server = LocalServer.start(options);
        this.http = new Http(server.baseUri(), TOKEN);
    }

    /** The services a function of this server runs on, over the given client (the server's own, or one a test wraps). */
    Wiring wiredTo(DynamoDbClient client) {
        return Wirings.on(client, server.tableName());
    }

    @Override
    public void close() throws Exception {
        server.close();
        if (ownsData) {
            TempFolders.delete(data);
        }
    }
}
