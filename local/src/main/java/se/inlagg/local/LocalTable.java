package se.inlagg.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.search.RebuildProgress;
import se.inlagg.search.S3IndexFiles;
import se.inlagg.search.SearchService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The template's table for the commands other than serve: the embedded DynamoDB on the data folder
 * (so a running server's lock refuses it), or the endpoint the server is given too, and a client,
 * closed together.
 */
final class LocalTable implements AutoCloseable {

    private final LocalDynamo dynamo;
    private final DynamoDbClient client;
    private final String name;

    private LocalTable(LocalDynamo dynamo, DynamoDbClient client, String name) {
        this.dynamo = dynamo;
        this.client = client;
        this.name = name;
    }

    /** On the data folder's embedded DynamoDB. */
    static LocalTable open(Path templateFile, Path dataFolder) {
        return open(templateFile, dataFolder, Optional.empty());
    }

    /**
     * On the data folder's embedded DynamoDB, or on the endpoint given (AWS_ENDPOINT_URL_DYNAMODB, as the server takes it),
     * where the server keeps its table: a command then works on the table the server reads, not on one beside it.
     */
    static LocalTable open(Path templateFile, Path dataFolder, Optional<URI> endpoint) {
        Template template;
        try {
            template = Template.read(templateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + templateFile, e);
        }
        FolderNotWritable.check(dataFolder);
        LocalDynamo dynamo = endpoint.map(LocalDynamo::external).orElseGet(() -> LocalDynamo.start(dataFolder));
        DynamoDbClient client = dynamo.client();
        try {
            // A table a command makes in the folder (create-author before the first start) still owes its example posts: the
            // next start adds them, as after a start cut short, rather than take the table for an old one and leave a new
            // folder with none. Marked before the table is made, so no kill leaves the table without it. Not one at another
            // endpoint, whose table is no folder's, nor where the examples are not wanted.
            TableFromTemplate.ensure(client, template, TableFromTemplate.tableName(template), true, () -> {
                if (endpoint.isEmpty() && seedWanted()) {
                    LocalServer.mark(dataFolder.resolve(LocalServer.SEEDING), "the example posts are still to add; the next start adds them\n");
                }
            });
        } catch (RuntimeException e) {
            client.close();
            dynamo.close();
            throw e;
        }
        return new LocalTable(dynamo, client, TableFromTemplate.tableName(template));
    }

    /** The table's client and name, for what reads or writes items as they are (CommandLineTest's tokens of an older version). */
    DynamoDbClient client() {
        return client;
    }

    String name() {
        return name;
    }

    /** The application's own wiring on this table, dates read in the given zone. */
    Wiring wiring(ZoneId zone) {
        return new Wiring(client, new Settings(name, zone), Clock.systemUTC());
    }

    /** `./inlagg reindex`: the search index built anew, into this bucket, from every published post in this table. */
    SearchService.IndexChange reindex(S3Client s3, String searchBucket,
                                                      RebuildProgress progress) {
        return reindex(client, name, s3, searchBucket, progress);
    }

    /** The same on a table reached through this client: what the server does when its stream lost changes (LocalServer). */
    static SearchService.IndexChange reindex(DynamoDbClient client, String table,
                                                             S3Client s3, String searchBucket,
                                                             RebuildProgress progress) {
        return LocalInvocation.run("reindex", () -> Wiring.withSearchIndex(client, new Settings(table, SeedPosts.ZONE).withSearchBucket(searchBucket),
                Clock.systemUTC(), () -> new S3IndexFiles(s3, searchBucket)).search().rebuild(progress));
    }

    /**
     * INLAGG_SEED: whether a new data folder starts with the example posts (unset: yes). Anything but true or false is a
     * usage error, so "no", "0" or "nej" are not taken as yes, adding the examples unasked.
     */
    static boolean seedWanted() {
        String given = System.getenv("INLAGG_SEED");
        if (given == null || given.isBlank() || given.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (given.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new UsageException("INLAGG_SEED is " + given + ": give true, or false for a new data folder without the example posts");
    }

    @Override
    public void close() {
        client.close();
        dynamo.close();
    }
}
