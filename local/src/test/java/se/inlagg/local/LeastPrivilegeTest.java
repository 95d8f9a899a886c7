package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.inlagg.app.Priming;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.posts.Byline;
import se.inlagg.search.S3IndexFiles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * DynamoDB Local ignores IAM, so this holds each function's policy in template.yaml to what its
 * code calls: every function runs its scenarios through a recording client, and the actions it
 * used must be exactly the actions it is granted. No Scan, no wildcard, nothing unused.
 */
class LeastPrivilegeTest {

    static final String AUTHOR_TOKEN = "minst-behorighet-token";
    static ServerExtension env;
    static Template template;
    static DynamoDbClient real;
    static String authorId;
    static final Map<String, RecordingDynamo> recorders = new TreeMap<>();
    static final Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();
    static Optional<S3ForTests> s3;
    static S3Client realS3;

    @BeforeAll
    static void start() throws Exception {
        env = new ServerExtension();
        template = Template.read(Repo.template());
        real = env.server.dynamoClient();
        var settings = new Settings(env.server.tableName(), ZoneId.of("Europe/Stockholm"));
        authorId = new Wiring(real, settings, Clock.systemUTC()).authors()
                .create(new Byline("Åsa", Optional.empty(), Optional.empty()), AUTHOR_TOKEN, Instant.now()).id();
        s3 = S3ForTests.start();
        // A bucket of the test's own: the server's indexer, fed by the same table's stream, keeps to the server's.
        String bucket = s3.map(store -> store.newBucket("least-privilege")).orElse("no-s3-here");
        realS3 = s3.map(S3ForTests::client).orElse(null);
        for (var f : template.functions().values()) {
            RecordingDynamo recorder = new RecordingDynamo();
            recorders.put(f.id(), recorder);
            Wiring wiring = new Wiring(recorder.wrap(real), settings.withSearchBucket(bucket), Clock.systemUTC(),
                    () -> new S3IndexFiles(RecordingS3.wrap(realS3, recorder.used), bucket));
            handlers.put(f.id(), handler(f.handlerClass(), wiring));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (env != null) { // null when the set-up was skipped (no LocalStack here)
            real.close();
            env.close();
        }
        if (realS3 != null) {
            realS3.close();
        }
    }

    /** The function's handler as Lambda makes it, running on the recording client instead of the shared one. */
    static RequestStreamHandler handler(String className, Wiring wiring) throws Exception {
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(className).getConstructor().newInstance();
        handler.getClass().getMethod("use", Wiring.class).invoke(handler, wiring);
        return handler;
    }

    /** Invokes a function with an events/ file, changed first where a scenario needs it. */
    static int invoke(String functionId, String eventFile, Consumer<ObjectNode> change) throws Exception {
        ObjectNode event = (ObjectNode) Http.JSON.readTree(Files.readString(Repo.events().resolve(eventFile)));
        if (event.path("requestContext").path("authorizer").has("lambda")) {
            ((ObjectNode) event.path("requestContext").path("authorizer").path("lambda")).put("authorId", authorId);
        }
        change.accept(event);
        var out = new java.io.ByteArrayOutputStream();
        handlers.get(functionId).handleRequest(new java.io.ByteArrayInputStream(event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                out, new LocalContext("least-privilege", functionId, System.currentTimeMillis() + 10_000));
        JsonNode answer = Http.JSON.readTree(out.toByteArray());
        return answer.has("statusCode") ? answer.path("statusCode").asInt() : 200;
    }

    static Consumer<ObjectNode> body(String json) {
        return e -> e.put("body", json);
    }

    static Consumer<ObjectNode> slug(String slug) {
        return e -> {
            ((ObjectNode) e.path("pathParameters")).put("slug", slug);
            e.put("rawPath", e.path("rawPath").asText().replace("manadsmote-samverkan-for-klientens-basta", slug));
        };
    }

    static Consumer<ObjectNode> header(String name, String value) {
        return e -> ((ObjectNode) e.path("headers")).put(name, value);
    }

    /** Every code path that reaches DynamoDB differently, function by function. */
    static void runScenarios() throws Exception {
        String first = "manadsmote-samverkan-for-klientens-basta";
        String second = first + "-2";
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", e -> { }), "new tags: Put");
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", e -> { }), "a retried key: read by id");
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", header("idempotency-key", "andra-nyckeln")), "existing tags: Update");
        assertEquals(200, invoke("GetPostFunction", "get-post.json", e -> { }));
        assertEquals(200, invoke("GetPostFunction", "get-post.json", header("authorization", "Bearer " + AUTHOR_TOKEN)));
        assertEquals(200, invoke("ListPostsFunction", "list-posts.json", e -> { }));
        assertEquals(200, invoke("ListPostsFunction", "list-posts.json", e -> e.remove("queryStringParameters")));
        assertEquals(200, invoke("AddTagsFunction", "add-tags.json", e -> { }), "new tags");
        assertEquals(200, invoke("AddTagsFunction", "add-tags.json", slug(second)), "existing tags");
        assertEquals(200, invoke("ReplaceTagsFunction", "replace-tags.json", e -> { }));
        assertEquals(200, invoke("ReplaceTagsFunction", "replace-tags.json", slug(second).andThen(body("{\"tags\": [\"Frivård\", \"Helt ny kategori\"]}"))),
                "a category new to the post is looked up");
        assertEquals(200, invoke("RemoveTagFunction", "remove-tag.json", e -> { }));
        assertEquals(200, invoke("ListTagsFunction", "list-tags.json", e -> { }));
        assertEquals(200, invoke("EditPostFunction", "edit-post.json", e -> { }));
        assertEquals(200, invoke("EditPostFunction", "edit-post.json", body("{\"status\": \"draft\", \"tags\": [\"Frivård\", \"Ny i redigeringen\"]}")),
                "counts and entries move; a category new to the post is looked up");
        assertEquals(204, invoke("DeletePostFunction", "delete-post.json", slug(second)));
        assertEquals(200, invoke("AuthorizerFunction", "authorizer.json", e -> { }));
        runPageScenarios();
        for (String fallback : List.of("fallback-not-found.json", "fallback-tags-method.json")) {
            invoke("FallbackFunction", fallback, e -> { });
        }
    }

    /** The pages, with a real session where one is needed. */
    static void runPageScenarios() throws Exception {
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", header("idempotency-key", "sidor")), "a visible post for the feeds");
        for (String page : List.of("page-home.json", "page-archive.json", "page-tag.json")) {
            assertEquals(200, invoke("ListPageFunction", page, e -> { }), page);
        }
        assertEquals(404, invoke("PostPageFunction", "page-post.json", e -> { }), "the edit scenario made it a draft: hidden from readers");
        assertEquals(200, invoke("FeedFunction", "feed.json", e -> { }));
        assertEquals(200, invoke("FeedFunction", "tag-feed.json", e -> { }));
        assertEquals(200, invoke("StylesheetFunction", "stylesheet.json", e -> { }));
        assertEquals(200, invoke("StylesheetFunction", "favicon.json", e -> { }));
        for (String page : List.of("page-categories.json", "page-archive-index.json", "page-people.json", "page-offices.json")) {
            assertEquals(200, invoke("FacetsPageFunction", page, e -> { }), page);
        }
        for (String file : List.of("sitemap.json", "sitemap-month.json", "robots.json")) {
            assertEquals(200, invoke("SitemapFunction", file, e -> { }), file);
        }
        var visible = new Wiring(real, new Settings(env.server.tableName(), ZoneId.of("Europe/Stockholm")), Clock.systemUTC())
                .posts().list(se.inlagg.posts.ListQuery.newest(1));
        var newest = ((se.inlagg.posts.Outcome.Done<se.inlagg.posts.Page<se.inlagg.posts.PostSummary>>) visible).value().items().getFirst();
        assertEquals(200, invoke("PostPageFunction", "page-post.json", slug(newest.slug())), "a visible post: its neighbours and related posts");
        if (s3.isPresent()) {
            runSearchScenarios(newest.id());
        }
        assertEquals(403, invoke("SignInFunction", "signin.json", e -> { }), "a wrong token");
        assertEquals(303, invoke("SignInFunction", "signin.json", formBody("token=" + AUTHOR_TOKEN)));
        var session = new Wiring(real, new Settings(env.server.tableName(), ZoneId.of("Europe/Stockholm")), Clock.systemUTC())
                .sessions().signIn(AUTHOR_TOKEN, Instant.now()).orElseThrow();
        // Payload 2.0 moves the Cookie header into a cookies array.
        Consumer<ObjectNode> cookie = e -> e.putArray("cookies").add("__Host-inlagg_session=" + session.id());
        assertEquals(200, invoke("PostPageFunction", "page-post.json", cookie), "its author sees the draft");
        assertEquals(200, invoke("WriteFunction", "write-form.json", cookie));
        assertEquals(303, invoke("WriteFunction", "write.json", cookie.andThen(formBody(
                "csrf=" + session.session().csrf() + "&formId=lp-1&title=Minst+beh%C3%B6righet&body=Text&authorName=%C3%85sa&tags=Frivard%2C+Ny&action=publish"))));
        assertEquals(303, invoke("WriteFunction", "write.json", cookie.andThen(formBody(
                "csrf=" + session.session().csrf() + "&formId=lp-1&title=Minst+beh%C3%B6righet&body=Text&authorName=%C3%85sa&tags=Frivard%2C+Ny&action=publish"))),
                "a double submit answers the first post");
        assertEquals(200, invoke("DraftsPageFunction", "drafts.json", cookie));
        assertEquals(200, invoke("FacetsPageFunction", "page-categories.json", cookie), "the page shows who is signed in");
        if (s3.isPresent()) {
            assertEquals(200, invoke("SearchPageFunction", "search-page.json", cookie), "the page shows who is signed in");
        }
        assertEquals(303, invoke("SignInFunction", "signout.json", cookie.andThen(formBody("csrf=" + session.session().csrf()))));
    }

    /**
     * The indexer builds the index (no manifest yet: every published post, then its files and the
     * manifest), then applies one post on top (read by key, new files, old ones deleted); both
     * search functions read it.
     */
    static void runSearchScenarios(String postId) throws Exception {
        Consumer<ObjectNode> post = e -> ((ObjectNode) e.path("Records").path(0).path("dynamodb").path("Keys").path("PK")).put("S", "POST#" + postId);
        assertEquals(200, invoke("SearchIndexFunction", "search-index-stream.json", e -> { }), "the first batch builds the index");
        assertEquals(200, invoke("SearchIndexFunction", "search-index-stream.json", post), "a batch on top of it");
        assertEquals(200, invoke("SearchApiFunction", "search-api.json", e -> { }));
        assertEquals(200, invoke("SearchPageFunction", "search-page.json", e -> { }));
    }

    static Consumer<ObjectNode> formBody(String form) {
        return e -> e.put("body", java.util.Base64.getEncoder().encodeToString(form.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void everyFunctionIsGrantedExactlyTheDynamoDbActionsItsCodeUses() throws Exception {
        runScenarios();
        for (var f : template.functions().values()) {
            if (s3.isEmpty() && f.environment().containsKey(Settings.SEARCH_BUCKET)) {
                System.err.println(f.id() + " keeps its index in S3 and no S3 runs here: its grants are not checked");
                continue;
            }
            Set<RecordingDynamo.Grant> granted = granted(f.properties());
            Set<RecordingDynamo.Grant> used = new HashSet<>(recorders.get(f.id()).used);
            assertEquals(new TreeMap<>(group(granted)), new TreeMap<>(group(used)), f.id() + ": granted vs used");
        }
    }

    @Test
    void noFunctionMayScanOrUseWildcards() {
        for (var f : template.functions().values()) {
            for (RecordingDynamo.Grant g : granted(f.properties())) {
                assertFalse(g.action().contains("*"), f.id() + " has a wildcard action");
                assertFalse(g.action().equals("dynamodb:Scan"), f.id() + " may Scan");
            }
        }
    }

    @Test
    void primingReadsOnlyAndWritesNothing() {
        RecordingDynamo recorder = new RecordingDynamo();
        var wiring = new Wiring(recorder.wrap(real), new Settings(env.server.tableName(), ZoneId.of("Europe/Stockholm")), Clock.systemUTC());
        Priming.of(wiring).prime();
        assertFalse(recorder.used.isEmpty(), "priming reaches DynamoDB");
        for (RecordingDynamo.Grant g : recorder.used) {
            assertTrue(Set.of("dynamodb:GetItem", "dynamodb:Query").contains(g.action()), "priming may only read: " + g);
        }
    }

    /** The grants a function's Policies statements give, as action and resource kind. */
    static Set<RecordingDynamo.Grant> granted(Map<String, Object> properties) {
        Set<RecordingDynamo.Grant> grants = new HashSet<>();
        if (!(properties.get("Policies") instanceof List<?> policies)) {
            return grants;
        }
        for (Object policy : policies) {
            Object statements = Template.map(policy).get("Statement");
            for (Object st : (List<?>) statements) {
                Map<String, Object> s = Template.map(st);
                assertEquals("Allow", s.get("Effect"));
                List<?> actions = s.get("Action") instanceof List<?> l ? l : List.of(s.get("Action"));
                List<?> resources = s.get("Resource") instanceof List<?> l ? l : List.of(s.get("Resource"));
                for (Object r : resources) {
                    String kind = resourceKind(r);
                    actions.forEach(a -> grants.add(new RecordingDynamo.Grant(String.valueOf(a), kind)));
                }
            }
        }
        return grants;
    }

    private static String resourceKind(Object resource) {
        Map<String, Object> r = Template.map(resource);
        if (r.get("Fn::GetAtt") instanceof List<?> l && l.equals(List.of("SearchIndexBucket", "Arn"))) {
            return "bucket";
        }
        if (r.get("Fn::Sub") instanceof String sub && sub.startsWith("${SearchIndexBucket.Arn}/")) {
            return "bucket/" + sub.substring("${SearchIndexBucket.Arn}/".length());
        }
        if (r.get("Fn::GetAtt") instanceof List<?> l && l.equals(List.of("PostsTable", "Arn"))) {
            return "table";
        }
        if (r.get("Fn::Sub") instanceof String sub && sub.startsWith("${PostsTable.Arn}/index/")) {
            return "index/" + sub.substring("${PostsTable.Arn}/index/".length());
        }
        throw new AssertionError("a resource other than the posts table, one of its indexes or the search bucket: " + resource);
    }

    private static Map<String, Set<String>> group(Set<RecordingDynamo.Grant> grants) {
        Map<String, Set<String>> byResource = new TreeMap<>();
        grants.forEach(g -> byResource.computeIfAbsent(g.resource(), k -> new java.util.TreeSet<>()).add(g.action()));
        return byResource;
    }
}
