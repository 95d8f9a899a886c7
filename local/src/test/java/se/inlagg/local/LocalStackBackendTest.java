package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

/**
 * The service on LocalStack's DynamoDB instead of DynamoDB Local: the same table from the template,
 * the same contract. Skipped, not failed, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackBackendTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(Backends.LOCALSTACK).withServices("dynamodb");

    @Test
    void postsAndTagCountsWorkOnLocalStack() throws Exception {
        Path data = Files.createTempDirectory("inlagg-localstack");
        try (var server = LocalServer.start(new LocalServer.Options(Repo.template(), data, 0,
                Optional.of(ServerExtension.TOKEN), Optional.of(LOCALSTACK.getEndpoint())))) {
            Http http = new Http(server.baseUri(), ServerExtension.TOKEN);
            assertEquals(201, http.createPost("Att gästspela som chef", "2019-01-30", "Frivård").status());
            assertEquals(200, http.get("/api/posts/att-gastspela-som-chef").status());
            assertEquals(1, ApiAsserts.tagCount(http, "frivard"));
            assertEquals(1, http.get("/api/posts?tag=frivard").json().path("items").size());
        } finally {
            ServerExtension.delete(data);
        }
    }
}
