package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.inlagg.http.Caching;

/**
 * The OpenAPI document is the API's public contract: it names every /api route of template.yaml,
 * the events/ bodies are valid requests by it, and what the server really answers is valid by it.
 */
class OpenApiContractTest extends ServerTest {

    static OpenApiDocument api;
    static JsonNode document;

    @BeforeAll
    static void read() {
        api = OpenApiDocument.read();
        document = api.root();
    }

    static void assertValid(String schemaName, JsonNode instance, String what) {
        var errors = api.schema(schemaName).validate(instance);
        assertTrue(errors.isEmpty(), what + " is not a valid " + schemaName + ": " + errors + "\n" + instance);
    }

    @Test
    void everyApiRouteOfTheTemplateIsInTheDocumentAndNothingElse() throws Exception {
        Set<String> inTemplate = new HashSet<>();
        for (var route : Template.read(Repo.template()).routes()) {
            if (route.path().startsWith("/api/") && !route.method().equals("ANY")) {
                inTemplate.add(route.method() + " " + route.path());
            }
        }
        Set<String> inDocument = new HashSet<>();
        document.path("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            if (!op.getKey().equals("parameters")) {
                inDocument.add(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        assertEquals(inTemplate, inDocument);
        assertEquals("3.1.0", document.path("openapi").asText());
    }

    /** What the linters in .ci/run (spectral, redocly) ask of every operation, so a miss fails here first. */
    @Test
    void everyOperationHasAnIdADescriptionAndADeclaredTag() {
        Set<String> declared = new HashSet<>();
        document.path("tags").forEach(tag -> declared.add(tag.path("name").asText()));
        Set<String> ids = new HashSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getKey().equals("parameters")) {
                return;
            }
            String where = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode operation = op.getValue();
            assertTrue(ids.add(operation.path("operationId").asText()), where + ": operationId missing or taken");
            assertTrue(!operation.path("description").asText().isBlank(), where + ": no description");
            assertTrue(operation.path("tags").size() > 0, where + ": no tag");
            operation.path("tags").forEach(tag ->
                    assertTrue(declared.contains(tag.asText()), where + ": tag " + tag + " is not declared"));
        }));
    }

    @Test
    void theEventBodiesAreValidRequests() throws Exception {
        Map<String, String> schemaOf = Map.of("POST /api/posts", "PostInput", "PATCH /api/posts/{slug}", "PostPatch",
                "POST /api/posts/{slug}/tags", "TagsInput", "PUT /api/posts/{slug}/tags", "TagsInput",
                "POST /api/posts/{slug}/publish", "PublishInput", "PUT /api/me", "AuthorInput",
                "POST /api/posts/{slug}/image", "AttachImageInput");
        int checked = 0;
        try (Stream<Path> files = Files.list(Repo.events())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode event = Http.JSON.readTree(file.toFile());
                String schema = schemaOf.get(event.path("routeKey").asText());
                boolean authorizerEvent = "REQUEST".equals(event.path("type").asText());
                if (schema != null && !authorizerEvent) {
                    assertValid(schema, Http.JSON.readTree(event.path("body").asText()), file.getFileName().toString());
                    checked++;
                }
            }
        }
        assertEquals(schemaOf.size(), checked);
    }

    /**
     * Every public read answers with an ETag and a 304 to If-None-Match naming it (Caching.publicly), so the document lists
     * that 304 for each of them, not only for one post: a client generated from the document must not meet a 304 on the
     * lists, the tags or search that the document says cannot come.
     */
    @Test
    void everyConditionalReadThatAnswers304ListsIt() {
        http.createPost("Villkorad läsning", "2019-01-30", "Villkor");
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("/api/posts/villkorad-lasning", "/api/posts/{slug}");
        reads.put("/api/posts?limit=1", "/api/posts");
        reads.put("/api/tags", "/api/tags");
        reads.put("/api/people", "/api/people");
        reads.put("/api/offices", "/api/offices");
        reads.put("/api/months", "/api/months");
        reads.put("/api/search?q=villkor", "/api/search");
        reads.put("/api/openapi.json", "/api/openapi.json");
        reads.forEach((address, route) -> {
            var first = http.get(address);
            assertEquals(200, first.status(), address);
            String etag = first.header("etag");
            assertTrue(!etag.isEmpty(), address + " has an ETag");
            var again = http.sendWith("GET", address, null, null, Map.of("If-None-Match", etag));
            assertEquals(304, again.status(), address);
            JsonNode responses = document.path("paths").path(route).path("get").path("responses");
            assertTrue(responses.has("304"), "GET " + route + " answers 304 but the document does not list it");
            assertTrue(responses.path("200").path("headers").has("ETag"), "GET " + route + ": the 200's ETag is not in the document");
        });
    }

    /**
     * A post has at most 20 tags and names with the same slug are one tag, so the server takes a request that names more
     * than 20 when some name the same tag, and the document's TagsInput must take it too, or a client checking its requests
     * by the document could not send what the server takes. Every way of giving a post tags takes them, and the document
     * takes each request; 21 distinct tags are refused (400), as the operations say.
     */
    @Test
    void tagNamesTheServerTakesTheDocumentTakes() {
        var names = Http.JSON.createArrayNode();
        for (int i = 1; i <= 20; i++) {
            names.add("Ämne " + i);
        }
        names.add("ämne 1"); // the slug of Ämne 1: twenty tags
        var create = Http.post("Tjugo kategorier", "Text.", "2019-01-30", "Åsa Öberg", "Malmö", "published");
        create.set("tags", names);
        assertValid("PostInput", create, "the create");
        var created = http.write("POST", "/api/posts", create.toString());
        assertEquals(201, created.status(), created.body());
        assertEquals(20, created.json().path("tags").size());
        String slug = created.json().path("slug").asText();

        var tags = Http.JSON.createObjectNode().set("tags", names);
        assertValid("TagsInput", tags, "21 names of 20 tags");
        var replaced = http.write("PUT", "/api/posts/" + slug + "/tags", tags.toString());
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(20, replaced.json().path("tags").size());
        var added = http.write("POST", "/api/posts/" + slug + "/tags", tags.toString());
        assertEquals(200, added.status(), added.body());
        assertEquals(20, added.json().path("tags").size());

        var patch = Http.JSON.createObjectNode().put("title", "Tjugo kategorier igen").set("tags", names);
        assertValid("PostPatch", patch, "the edit");
        var patched = http.sendWith("PATCH", "/api/posts/" + slug, "application/merge-patch+json", patch.toString(),
                Map.of("If-Match", http.get("/api/posts/" + slug).header("etag")));
        assertEquals(200, patched.status(), patched.body());
        assertEquals(20, patched.json().path("tags").size());

        var tooMany = Http.JSON.createObjectNode().set("tags", names.deepCopy().add("Ämne 21"));
        ApiAsserts.assertError(http.write("PUT", "/api/posts/" + slug + "/tags", tooMany.toString()), 400, "validation_failed", "tags");
    }

    /**
     * A publication time in each form the server reads (SiteTime.read: README's dates, and the Swedish a page shows), with
     * the instant it names. The publish request's pattern takes "30 januari 2019 kl. 09:15" too, which the server takes, or
     * a client checking its requests by the document could not send it.
     */
    static Map<String, String> publicationTimes() {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("2019-01-30", "2019-01-29T23:00:00Z");
        forms.put("2019-01-30T09:15", "2019-01-30T08:15:00Z");
        forms.put("2019-01-30 09:15", "2019-01-30T08:15:00Z");
        forms.put("2019-01-30T09:15:07", "2019-01-30T08:15:07Z");
        forms.put("2019-01-30T09:15:00+01:00", "2019-01-30T08:15:00Z");
        forms.put("2019-06-30T09:15:00+02:00", "2019-06-30T07:15:00Z");
        forms.put("2019-01-30T08:15:00Z", "2019-01-30T08:15:00Z");
        forms.put("2019-01-30T09:15Z", "2019-01-30T09:15:00Z");
        forms.put("30 januari 2019", "2019-01-29T23:00:00Z");
        forms.put("30 januari 2019 kl. 09:15", "2019-01-30T08:15:00Z");
        forms.put("30 Januari 2019 kl 9.15", "2019-01-30T08:15:00Z");
        forms.put("30 juni 2019, klockan 09:15", "2019-06-30T07:15:00Z");
        forms.put("2019-01-30 kl. 09.15", "2019-01-30T08:15:00Z");
        forms.put("24 dec. 2026 kl. 15:00", "2026-12-24T14:00:00Z");
        forms.put("1 sept 2026", "2026-08-31T22:00:00Z");
        forms.put("2026-10-25T02:30 (vintertid)", "2026-10-25T01:30:00Z");
        forms.put("2026-10-25 02:30 (sommartid)", "2026-10-25T00:30:00Z");
        forms.put("2026-10-25T02:30 (normaltid)", "2026-10-25T01:30:00Z");
        forms.put("25 oktober 2026 kl. 02:30 (vintertid)", "2026-10-25T01:30:00Z");
        return forms;
    }

    /**
     * Every way of giving a post its time, the create, the edit and the publish, takes each form the server reads by the
     * document, and the server takes it there as the instant it names.
     */
    @Test
    void everyFormOfAPublicationTimeTheServerTakesTheDocumentTakes() {
        String edited = http.created(Http.post("Tidsformer i en redigering", "Text.", "2019-01-01", "Åsa Öberg", "Malmö", "published"))
                .path("slug").asText();
        String etag = http.get("/api/posts/" + edited).header("etag");
        int n = 0;
        for (var form : publicationTimes().entrySet()) {
            String time = form.getKey();
            var create = Http.post("Tidsform " + ++n, "Text.", time, "Åsa Öberg", "Malmö", "draft");
            assertValid("PostInput", create, "a create at " + time);
            var created = http.write("POST", "/api/posts", create.toString());
            assertEquals(201, created.status(), time + ": " + created.body());
            assertEquals(form.getValue(), created.json().path("publishedAt").asText(), "created at " + time);

            var patch = Http.JSON.createObjectNode().put("publishedAt", time);
            assertValid("PostPatch", patch, "an edit to " + time);
            var patched = http.sendWith("PATCH", "/api/posts/" + edited, "application/merge-patch+json", patch.toString(), Map.of("If-Match", etag));
            assertEquals(200, patched.status(), time + ": " + patched.body());
            assertEquals(form.getValue(), patched.json().path("publishedAt").asText(), "edited to " + time);
            etag = patched.header("etag");

            var publish = Http.JSON.createObjectNode().put("publishAt", time);
            assertValid("PublishInput", publish, "a publish at " + time);
            var published = http.write("POST", "/api/posts/" + created.json().path("slug").asText() + "/publish", publish.toString());
            assertEquals(200, published.status(), time + ": " + published.body());
            assertEquals(form.getValue(), published.json().path("publishedAt").asText(), "published at " + time);
        }
    }

    /** Each example of a publication time the document gives is one the server takes, at the publish as anywhere. */
    @Test
    void everyPublicationTimeTheDocumentGivesAsAnExampleTheServerTakes() {
        JsonNode examples = document.path("components").path("schemas").path("PublicationTime").path("examples");
        assertTrue(examples.size() >= 5, "the document shows the forms: " + examples);
        String slug = http.created(Http.post("Dokumentets exempel", "Text.", null, "Åsa Öberg", "Malmö", "draft")).path("slug").asText();
        for (JsonNode example : examples) {
            var publish = Http.JSON.createObjectNode().put("publishAt", example.asText());
            assertValid("PublishInput", publish, example.asText());
            var published = http.write("POST", "/api/posts/" + slug + "/publish", publish.toString());
            assertEquals(200, published.status(), example + ": " + published.body());
        }
        assertTrue(publicationTimes().keySet().containsAll(
                StreamSupport.stream(examples.spliterator(), false).map(JsonNode::asText).toList()),
                "each example is a form the server is tested with, with its instant");
    }

    @Test
    void realAnswersAreValidByTheDocument() {
        var created = http.createPost("Kontrakt och verklighet", "2019-01-30", "Kontrakt");
        assertValid("Post", created.json(), "POST /api/posts");
        assertValid("Post", http.get("/api/posts/kontrakt-och-verklighet").json(), "GET /api/posts/{slug}");
        assertValid("PostPage", http.get("/api/posts?limit=1").json(), "GET /api/posts");
        assertValid("TagIndex", http.get("/api/tags").json(), "GET /api/tags");
        for (String facets : List.of("/api/people", "/api/offices", "/api/months")) {
            assertValid("FacetIndex", http.get(facets).json(), "GET " + facets);
        }
        assertValid("TagsOfPost", http.write("POST", "/api/posts/kontrakt-och-verklighet/tags", "{\"tags\": [\"Avtal\"]}").json(), "add tags");
        String etag = http.get("/api/posts/kontrakt-och-verklighet").header("etag");
        assertValid("Post", http.sendWith("PATCH", "/api/posts/kontrakt-och-verklighet", "application/merge-patch+json",
                "{\"excerpt\": \"Kort.\"}", Map.of("If-Match", etag)).json(), "PATCH");
        assertValid("PostSummary", http.write("POST", "/api/posts/kontrakt-och-verklighet/unpublish", null).json(), "unpublish");
        assertValid("PostSummary", http.write("POST", "/api/posts/kontrakt-och-verklighet/publish", "{\"publishAt\": \"2031-01-01T09:00\"}").json(),
                "publish at a time");
        assertValid("PostPage", http.getAs("/api/me/posts?limit=5", ServerExtension.TOKEN).json(), "GET /api/me/posts");
        assertValid("Profile", http.write("PUT", "/api/me", "{\"name\": \"Åsa Öberg\", \"office\": \"Malmö\"}").json(), "PUT /api/me");
        assertValid("Profile", http.getAs("/api/me", ServerExtension.TOKEN).json(), "GET /api/me");
        assertValid("Error", http.write("POST", "/api/posts", "{\"title\": 1}").json(), "a 400");
        assertValid("Error", http.get("/api/posts/finns-inte").json(), "a 404");
        assertValid("Error", http.write("PATCH", "/api/tags", "{}").json(), "a 405");
        assertValid("GatewayMessage", http.send("POST", "/api/posts", "application/json", "{}".getBytes(), null).json(), "a 401");
        var served = http.get("/api/openapi.json");
        assertEquals(document, served.json(), "the served document is the one in the repository");
        assertEquals(Caching.PUBLIC, served.header("cache-control"));
    }
}
