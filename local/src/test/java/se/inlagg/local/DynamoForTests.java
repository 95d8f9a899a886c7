package se.inlagg.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one place the runtime tests reach DynamoDB through: whichever DynamoDB the tests use (the
 * embedded one in this JVM, or the endpoint {@link Backends} chooses), its endpoint for processes of their
 * own, a client for seeding, and tables shaped by template.yaml. Replacing the emulator changes this
 * class only.
 */
public final class DynamoForTests implements AutoCloseable {

    private final LocalDynamo dynamo;

    private DynamoForTests(LocalDynamo dynamo) {
        this.dynamo = dynamo;
    }

    public static DynamoForTests start(Path dataDir) throws Exception {
        var external = Backends.chosenEndpoint();
        return new DynamoForTests(external.isPresent() ? LocalDynamo.external(external.get()) : LocalDynamo.start(dataDir));
    }

    /**
     * The embedded DynamoDB whatever the backend: for counting what requests cost as a table grows,
     * where the calls are the application's own and the capacity is DynamoDB's arithmetic, which the
     * contract suite checks on every backend. LocalStack's moto copies the whole table on every
     * transactional write, so growing a table there to hundreds of posts takes many minutes.
     */
    public static DynamoForTests embedded(Path dataDir) throws Exception {
        return new DynamoForTests(LocalDynamo.start(dataDir));
    }

    /** A DynamoDB someone else runs (the benchmark's emulator in this JVM, say), reached at its endpoint. */
    public static DynamoForTests external(URI endpoint) {
        return new DynamoForTests(LocalDynamo.external(endpoint));
    }

    /** Where another process reaches it (AWS_ENDPOINT_URL_DYNAMODB). */
    public URI endpoint() {
        return dynamo.endpoint();
    }

    public DynamoDbClient client() {
        return dynamo.client();
    }

    /** The table template.yaml declares, under this name, created unless it is there. */
    public void createTable(String name) throws IOException {
        createTable(Template.read(Repo.template()), name);
    }

    /** The template's table under this name, created unless it is there. */
    public void createTable(Template template, String name) {
        try (DynamoDbClient client = client()) {
            TableFromTemplate.ensure(client, template, name);
        }
    }

    /** The template's table with no stream yet: the server turns it on when it starts on it, as for a table made before. */
    public void createTableWithoutStream(Template template, String name) {
        try (DynamoDbClient client = client()) {
            TableFromTemplate.ensure(client, template, name, false);
        }
    }

    @Override
    public void close() throws Exception {
        dynamo.close();
    }
}
