package se.inlagg.local;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import se.inlagg.emulator.dynamodb.DataDirectoryInUseException;
import se.inlagg.emulator.dynamodb.EmbeddedDynamoDb;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB the local server and its commands use: the embedded emulator in this JVM on a free
 * loopback port, keeping its data in {@code DATA_DIR/dynamodb} so that a restart, the server and
 * the commands all see the same tables, or another endpoint the caller names.
 */
final class LocalDynamo implements AutoCloseable {

    static final String REGION = "eu-north-1";

    private final Optional<EmbeddedDynamoDb> embedded;
    private final URI endpoint;

    private LocalDynamo(Optional<EmbeddedDynamoDb> embedded, URI endpoint) {
        this.embedded = embedded;
        this.endpoint = endpoint;
    }

    /**
     * Another DynamoDB-compatible endpoint (LocalStack, a DynamoDB you run yourself) in place of the
     * embedded one; its data is wherever that endpoint keeps it.
     */
    static LocalDynamo external(URI endpoint) {
        return new LocalDynamo(Optional.empty(), endpoint);
    }

    /**
     * The embedded DynamoDB on this data folder.
     *
     * @throws DataDirectoryInUseException when another process (a running server, say) holds the folder
     * @throws FolderNotWritable when the folder cannot be written
     */
    static LocalDynamo start(Path dataDir) {
        try {
            EmbeddedDynamoDb db = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dataDir));
            return new LocalDynamo(Optional.of(db), db.endpoint());
        } catch (UncheckedIOException e) {
            throw FolderNotWritable.explain(dataDir, e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** The embedded DynamoDB, for tests that make its indexes lag; empty on another endpoint. */
    Optional<EmbeddedDynamoDb> embedded() {
        return embedded;
    }

    /** A client for this DynamoDB; the emulator checks no signature, but the SDK will not sign without a key. */
    DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * The settings through which the handlers' standard SDK configuration finds this DynamoDB:
     * system properties, because a running JVM cannot change its own environment variables.
     */
    Map<String, String> sdkProperties() {
        return Map.of(
                "aws.region", REGION,
                "aws.accessKeyId", "local",
                "aws.secretAccessKey", "local",
                "aws.endpointUrlDynamoDb", endpoint.toString());
    }

    /** Stops the embedded DynamoDB (its journal is already on disk) and releases the data folder. */
    @Override
    public void close() {
        embedded.ifPresent(EmbeddedDynamoDb::close);
    }
}
