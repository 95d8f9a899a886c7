package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LocalStack itself, in every build: the pinned image runs, its DynamoDB answers, and the service
 * works on it. It is the same container the whole server suite uses with -Dinlagg.backend=localstack.
 * Where Docker cannot run it, skipped within seconds with one line saying why (failed under
 * INLAGG_REQUIRE_DOCKER=1).
 */
class LocalStackBackendTest {

    URI endpoint;

    @BeforeEach
    void localStack() {
        endpoint = Backends.localStack();
    }

    @Test
    void itIsThePinnedReleaseWithDynamoDbUp() {
        JsonNode health = new Http(endpoint, null).get("/_localstack/health").json();
        assertTrue(health.path("version").asText().startsWith(Backends.LOCALSTACK.getVersionPart()), health.toString());
        assertTrue(Set.of("available", "running").contains(health.path("services").path("dynamodb").asText()), health.toString());
    }

    @Test
    void postsAndTagCountsWorkOnLocalStack() throws Exception {
        Path data = Files.createTempDirectory("inlagg-localstack");
        try (var server = LocalServer.start(new LocalServer.Options(Repo.template(), data, 0,
                Optional.of(ServerExtension.TOKEN), Optional.of(endpoint), Optional.of("PostsTable-" + data.getFileName())))) {
            Http http = new Http(server.baseUri(), ServerExtension.TOKEN);
            assertEquals(201, http.createPost("Att gästspela som chef", "2019-01-30", "Frivård").status());
            assertEquals(200, http.get("/api/posts/att-gastspela-som-chef").status());
            assertEquals(1, ApiAsserts.tagCount(http, "frivard"));
            assertEquals(1, http.get("/api/posts?tag=frivard").json().path("items").size());
        } finally {
            TempFolders.delete(data);
        }
    }
}
