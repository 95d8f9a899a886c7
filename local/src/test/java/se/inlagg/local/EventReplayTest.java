package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.auth.Tokens;
import se.inlagg.config.Settings;
import se.inlagg.ops.KeepActive;
import se.inlagg.posts.Byline;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Replays every events/ file through its function, as `sam local invoke -e` would, against
 * the embedded DynamoDB with the table made from template.yaml. Creating comes first, so the others
 * find the post their event names.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventReplayTest {

    static final List<String> ORDER = List.of("create-post.json", "get-post.json", "list-posts.json",
            "add-tags.json", "replace-tags.json", "remove-tag.json", "list-tags.json", "edit-post.json",
            // Back to draft and published again on its own date, so the checks after this find it as before.
            "unpublish-post.json", "publish-post.json");
    static final String DELETE = "delete-post.json";

    @TempDir
    static Path data;
    static LocalDynamo dynamo;
    static Template template;
    static Map<String, LambdaFunction> functions;
    static S3ForTests s3;

    @BeforeAll
    static void start() throws Exception {
        template = Template.read(Repo.template());
        dynamo = LocalDynamo.start(data);
        try (DynamoDbClient client = dynamo.client()) {
            TableFromTemplate.ensure(client, template);
        }
        s3 = S3ForTests.start();
        String searchBucket = s3.newBucket("replay");
        LocalBucket pictures = new LocalBucket(s3.endpoint(), s3.newBucket("replay-pictures"));
        pictures.ensure(template);
        functions = Functions.load(template, dynamo, TableFromTemplate.tableName(template), Optional.of(pictures), Optional.of(searchBucket));
    }

    @AfterAll
    static void stop() throws Exception {
        dynamo.close();
    }

    @Test
    @Order(1)
    void everyRouteEventAnswersAsItsRouteShould() throws Exception {
        List<Path> files;
        try (var list = Files.list(Repo.events())) {
            files = list.filter(p -> p.toString().endsWith(".json") && !p.endsWith("authorizer.json") && !p.endsWith(DELETE))
                    .sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList();
        }
        assertTrue(files.size() + 1 >= template.routes().size());
        for (Path file : files) {
            JsonNode event = Http.JSON.readTree(file.toFile());
            if (event.has("Records")) {
                continue; // a batch of stream records: see theStreamBatchBuildsTheSearchIndex
            }
            if (KeepActive.is(Http.JSON.convertValue(event, Object.class))) {
                continue; // the weekly schedule's event, for every function: KeepActiveTest and RuntimeClientTest
            }
            Template.Route route = template.routes().stream()
                    .filter(r -> r.key().equals(event.path("routeKey").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(file + " names no route of the template"));
            JsonNode answer = Http.JSON.readTree(functions.get(route.functionId()).invoke(Files.readString(file)));
            int status = answer.path("statusCode").asInt();
            assertEquals(expected(route, file.getFileName().toString(), event.path("rawPath").asText()), status, file.getFileName() + " answered " + answer.path("body").asText());
            if (route.path().startsWith("/api")) {
                assertTrue(answer.path("headers").path("content-type").asText().startsWith("application/json"));
            }
        }
    }

    @Test
    @Order(2)
    void theReplayedPostCarriesItsSwedishSlugAndFinalTags() throws Exception {
        JsonNode get = Http.JSON.readTree(functions.get("GetPostFunction").invoke(Files.readString(Repo.events().resolve("get-post.json"))));
        JsonNode post = Http.JSON.readTree(get.path("body").asText());
        assertEquals("manadsmote-samverkan-for-klientens-basta", post.path("slug").asText());
        assertEquals("2019-01-29T23:00:00Z", post.path("publishedAt").asText());
        assertEquals(List.of("frivard", "samverkan"),
                post.path("tags").findValuesAsText("slug"), "replace then remove leaves Frivård and Samverkan");
        assertEquals("Månadsmöte: samverkan för klientens bästa (uppdaterad)", post.path("title").asText(), "the edit applied");
        assertEquals("Månadsmötet i Ystad, januari 2019. Foto: Åsa Öberg", post.path("image").path("caption").asText());
        assertEquals("Deltagarna vid mötesbordet", post.path("image").path("alt").asText(), "a merge patch keeps what it does not name");
    }

    @Test
    @Order(3)
    void theCreateEventAgainWithItsIdempotencyKeyAnswersTheSamePostAndMakesNoOther() throws Exception {
        String create = Files.readString(Repo.events().resolve("create-post.json"));
        JsonNode answer = Http.JSON.readTree(functions.get("CreatePostFunction").invoke(create));
        assertEquals(201, answer.path("statusCode").asInt(), answer.path("body").asText());
        assertEquals("manadsmote-samverkan-for-klientens-basta", Http.JSON.readTree(answer.path("body").asText()).path("slug").asText());
        String second = Files.readString(Repo.events().resolve("get-post.json"))
                .replace("manadsmote-samverkan-for-klientens-basta", "manadsmote-samverkan-for-klientens-basta-2");
        assertEquals(404, Http.JSON.readTree(functions.get("GetPostFunction").invoke(second)).path("statusCode").asInt());
    }

    @Test
    @Order(3)
    void theStreamBatchBuildsTheSearchIndexFromTheTableWhenThereIsNone() throws Exception {
        String batch = Files.readString(Repo.events().resolve("search-index-stream.json"));
        String function = template.streamSources().getFirst().functionId();
        JsonNode answer = Http.JSON.readTree(functions.get(function).invoke(batch));
        assertTrue(answer.path("batchItemFailures").isArray() && answer.path("batchItemFailures").isEmpty(), answer.toString());
        String search = Files.readString(Repo.events().resolve("search-api.json"));
        // The index is checked at most once a second: the answer may take that long to show the new commit.
        long until = System.nanoTime() + 5_000_000_000L;
        JsonNode found;
        do {
            Thread.sleep(200);
            found = Http.JSON.readTree(Http.JSON.readTree(functions.get("SearchApiFunction").invoke(search)).path("body").asText());
        } while (found.path("items").isEmpty() && System.nanoTime() < until);
        assertEquals("manadsmote-samverkan-for-klientens-basta", found.path("items").path(0).path("slug").asText(), found.toString());
    }

    @Test
    @Order(4)
    void theDeleteEventRemovesThePost() throws Exception {
        JsonNode deleted = Http.JSON.readTree(functions.get("DeletePostFunction").invoke(Files.readString(Repo.events().resolve(DELETE))));
        assertEquals(204, deleted.path("statusCode").asInt(), deleted.path("body").asText());
        JsonNode get = Http.JSON.readTree(functions.get("GetPostFunction").invoke(Files.readString(Repo.events().resolve("get-post.json"))));
        assertEquals(404, get.path("statusCode").asInt());
    }

    @Test
    @Order(5)
    void theAuthorizerEventIsRefusedUntilItsTokenBelongsToAnAuthor() throws Exception {
        String event = Files.readString(Repo.events().resolve("authorizer.json"));
        LambdaFunction authorizer = functions.get(template.authorizerFunctionId().orElseThrow());
        assertEquals(false, Http.JSON.readTree(authorizer.invoke(event)).path("isAuthorized").asBoolean());

        try (DynamoDbClient client = dynamo.client()) {
            var wiring = new Wiring(client, new Settings(TableFromTemplate.tableName(template), ZoneId.of("UTC")),
                    Clock.systemUTC());
            String token = Tokens.fromBearer(Http.JSON.readTree(event).path("identitySource").path(0).asText()).orElseThrow();
            var author = wiring.authors().create(new Byline("Åsa Öberg", Optional.empty(), Optional.empty()), token, Instant.now());
            JsonNode answer = Http.JSON.readTree(authorizer.invoke(event));
            assertEquals(true, answer.path("isAuthorized").asBoolean());
            assertEquals(author.id(), answer.path("context").path("authorId").asText());
        }
    }

    /**
     * What each event should get here, where no session is seeded (RuntimeClientTest seeds the one the
     * page events' cookie names): the form and the drafts send readers to sign in, form posts are refused.
     */
    static int expected(Template.Route route, String file, String rawPath) {
        if (route.key().equals("$default")) {
            // Through $default, a path some route has answers 405 (another method), any other 404.
            Router router = new Router(template.routes());
            boolean known = Stream.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                    .anyMatch(m -> !router.match(m, rawPath).map(r -> r.route().key().equals("$default")).orElse(true));
            return known ? 405 : 404;
        }
        if (route.method().equals("ANY")) {
            return 405;
        }
        return switch (file) {
            // No session to end: the browser is sent home.
            case "signout.json" -> 303;
            // Forms that carry typed text: refused with the text kept. Publish and delete carry none: to sign in, and back.
            case "signin.json", "write.json", "edit.json", "profile.json" -> 403;
            case "publish.json", "unpublish.json", "delete-confirmed.json" -> 303;
            case "write-form.json", "drafts.json", "edit-form.json", "preview.json", "delete-confirm.json", "profile-form.json",
                 "versions.json", "version.json" -> 303;
            // The authorizer context names an author nobody made here: there is no profile to read or replace.
            case "get-profile.json", "put-profile.json" -> 403;
            // The replay's edit kept the version it replaced, which tags had moved on from the first.
            case "post-version.json" -> 404;
            // Pictures: pages without a session send readers to sign in; the API makes an upload form
            // for the post, but nothing was uploaded under the key attach names; a picture's address
            // is sent on to the bucket.
            case "image-form.json", "image-uploaded.json" -> 303;
            case "image-save.json" -> 403;
            case "picture.json", "head-picture.json" -> 302;
            case "upload-url.json" -> 200;
            case "attach-image.json" -> 404;
            default -> route.method().equals("POST") && route.path().equals("/api/posts") ? 201 : 200;
        };
    }

    private static int rank(Path file) {
        int i = ORDER.indexOf(file.getFileName().toString());
        return i < 0 ? ORDER.size() : i;
    }
}
