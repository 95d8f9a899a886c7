package se.inlagg.local;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Which DynamoDB the server tests use: DynamoDB Local in-process (the default), LocalStack in
 * Docker (-Dinlagg.backend=localstack, or -Plocalstack), or any endpoint (-Dinlagg.dynamodb.endpoint).
 */
final class Backends {

    /** The last community image that needs no auth token; pinned so a new release cannot change the tests. */
    static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:3.8.1");

    private static LocalStackContainer localstack;

    private Backends() {
    }

    /** The endpoint to use instead of DynamoDB Local, if one is chosen; skips the test where Docker is missing. */
    static synchronized Optional<URI> chosenEndpoint() {
        String endpoint = System.getProperty("inlagg.dynamodb.endpoint", "");
        if (!endpoint.isBlank()) {
            return Optional.of(URI.create(endpoint));
        }
        if (!"localstack".equals(System.getProperty("inlagg.backend", ""))) {
            return Optional.empty();
        }
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "LocalStack needs a Docker engine");
        if (localstack == null) {
            localstack = new LocalStackContainer(LOCALSTACK).withServices("dynamodb");
            localstack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(localstack::stop));
        }
        return Optional.of(localstack.getEndpoint());
    }
}
