package se.inlagg.local;

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

    /** Where another process reaches it (AWS_ENDPOINT_URL_DYNAMODB). */
    public URI endpoint() {
        return dynamo.endpoint();
    }

    public DynamoDbClient client() {
        return dynamo.client();
    }

    /** The template's table under this name, created unless it is there. */
    public void createTable(Template template, String name) {
        try (DynamoDbClient client = client()) {
            TableFromTemplate.ensure(client, template, name);
        }
    }

    @Override
    public void close() throws Exception {
        dynamo.close();
    }
}
