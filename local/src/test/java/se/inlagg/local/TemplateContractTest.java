package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What no local run can reveal but AWS would: the template's wiring, checked by reading it. */
@SameOnEveryBackend
class TemplateContractTest {

    /** The template's filters, applied as Lambda applies them, to a stream record with these keys. */
    record EventFilterProbe(List<String> patterns) {
        boolean passes(String pk, String sk) {
            ObjectNode record = Http.JSON.createObjectNode();
            record.put("eventName", "MODIFY");
            ObjectNode keys = record.putObject("dynamodb").putObject("Keys");
            keys.putObject("PK").put("S", pk);
            keys.putObject("SK").put("S", sk);
            return EventFilter.of(patterns).passes(record);
        }
    }

    static Template template;

    @BeforeAll
    static void read() throws IOException {
        template = Template.read(Repo.template());
    }

    @Test
    void everyFunctionsHandlerClassExistsAndIsALambdaHandler() throws Exception {
        assertFalse(template.functions().isEmpty());
        for (var f : template.functions().values()) {
            Class<?> type = Class.forName(f.handlerClass());
            assertTrue(RequestStreamHandler.class.isAssignableFrom(type), f.id() + " handler is not a RequestStreamHandler");
            assertTrue(f.handler().endsWith("::handleRequest"), f.id() + " must name handleRequest");
            type.getDeclaredConstructor();
        }
    }

    /**
     * A browser app on another origin (AllowedOrigins) may send every header the API document names as a parameter,
     * If-Unmodified-Since and If-Modified-Since included: missing from the preflight's allowed headers, such a request
     * would fail before it reached the API.
     */
    @Test
    void corsAllowsEveryHeaderTheApiDocumentNames() {
        Set<String> documented = new TreeSet<>();
        OpenApiDocument.read().root().findParents("in").stream().filter(p -> p.path("in").asText().equals("header"))
                .forEach(p -> documented.add(p.path("name").asText().toLowerCase(Locale.ROOT)));
        assertTrue(documented.containsAll(Set.of("if-match", "if-unmodified-since", "idempotency-key")), documented.toString());
        var api = template.firstOfType("AWS::Serverless::HttpApi").orElseThrow().getValue();
        List<?> allowed = (List<?>) valueAt(api, "AllowHeaders").orElseThrow(() -> new AssertionError("no CORS AllowHeaders"));
        Set<String> allowedHeaders = new HashSet<>();
        allowed.forEach(h -> allowedHeaders.add(String.valueOf(h).toLowerCase(Locale.ROOT)));
        assertTrue(allowedHeaders.containsAll(documented), "documented " + documented + ", allowed " + allowedHeaders);
        assertTrue(allowedHeaders.containsAll(Set.of("authorization", "content-type")));
    }

    /** The first value under this key anywhere in a resource (CORS sits inside an Fn::If). */
    private static Optional<Object> valueAt(Object node, String key) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey(key)) {
                return Optional.of(map.get(key));
            }
            return map.values().stream().map(v -> valueAt(v, key)).flatMap(Optional::stream).findFirst();
        }
        if (node instanceof List<?> list) {
            return list.stream().map(v -> valueAt(v, key)).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    @Test
    void everyFunctionIsBuiltFromTheStandaloneFunctionsProject() {
        template.functions().values().forEach(f -> assertEquals("functions", f.codeUri(), f.id()));
        assertTrue(Files.isRegularFile(Repo.root().resolve("functions/pom.xml")));
    }

    @Test
    void everyRouteHasAnEventInEventsFolder() throws IOException {
        Set<String> routeKeysInEvents = new HashSet<>();
        try (Stream<Path> files = Files.list(Repo.events())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode e = Http.JSON.readTree(p.toFile());
                if (e.has("rawPath") && !"REQUEST".equals(e.path("type").asText())) {
                    assertEquals("2.0", e.path("version").asText(), p + " is not a payload 2.0 event");
                    routeKeysInEvents.add(e.path("routeKey").asText());
                }
            }
        }
        for (var route : template.routes()) {
            assertTrue(routeKeysInEvents.contains(route.key()), "no event in events/ for route " + route.key());
        }
    }

    /**
     * A 405's Allow header comes from allowed-methods.properties: for every path the template routes, it must say the
     * methods routed there, no more, no less (the fallback matches a path there to tell a 405 from a 404).
     */
    @Test
    void theAllowHeadersOfEvery405AreTheMethodsTheTemplateRoutes() throws IOException {
        var allowed = new Properties();
        try (var in = Files.newInputStream(Repo.root().resolve("functions/src/main/resources/allowed-methods.properties"))) {
            allowed.load(in);
        }
        List<String> order = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
        Map<String, String> expected = new TreeMap<>();
        for (var routed : template.routes()) {
            if (!routed.path().equals("$default")) {
                expected.put(routed.path(), String.join(", ", template.routes().stream()
                        .filter(r -> r.path().equals(routed.path())).map(Template.Route::method)
                        .sorted(Comparator.comparingInt(order::indexOf)).toList()));
            }
        }
        // One route answers what no other does: an ANY route per path put a statement per path in the fallback's
        // resource policy, near Lambda's 20 KB limit for one.
        assertEquals(List.of("$default"), template.routes().stream().filter(r -> r.functionId().equals("FallbackFunction"))
                .map(Template.Route::key).toList());
        Map<String, String> listed = new TreeMap<>();
        allowed.forEach((k, v) -> listed.put((String) k, (String) v));
        assertEquals(expected, listed);
    }

    @Test
    void theAuthorizerIsReferencedThroughItsAliasWithInvokePermission() {
        var authorizer = template.authorizer().orElseThrow().getValue();
        assertEquals(Map.of("Ref", "AuthorizerFunction.Alias"), authorizer.get("FunctionArn"),
                "reference the alias so the authorizer gets SnapStart");
        assertEquals(Boolean.TRUE, authorizer.get("EnableFunctionDefaultPermissions"),
                "without it API Gateway cannot invoke the authorizer and every protected route answers 500");
        assertEquals(Boolean.TRUE, authorizer.get("EnableSimpleResponses"));
        assertEquals("2.0", authorizer.get("AuthorizerPayloadFormatVersion"));
        assertEquals(List.of("Authorization"), Template.map(authorizer.get("Identity")).get("Headers"));
        assertTrue(template.functions().get("AuthorizerFunction").properties().containsKey("AutoPublishAlias"));
    }

    @Test
    void apiWritesAndTheCallersOwnResourcesAreBehindTheAuthorizerAndEverythingElseIsNot() {
        for (var route : template.routes()) {
            boolean write = List.of("POST", "PUT", "PATCH", "DELETE").contains(route.method());
            // /api/me answers about the token's own author, so even its GETs need one.
            boolean own = (route.path().equals("/api/me") || route.path().startsWith("/api/me/")) && !route.method().equals("ANY");
            // A post's earlier versions are its author's alone, as a draft is, but never a reader's: a token is required.
            boolean versions = route.path().startsWith("/api/posts/{slug}/versions");
            // Pages and the form authenticate with a session cookie inside the handler.
            assertEquals((write && route.path().startsWith("/api/")) || own || versions, route.authorized(), route.key());
        }
    }

    @Test
    void noPolicyGrantsScan() throws IOException {
        String text = Files.readString(Repo.template());
        assertFalse(text.contains("dynamodb:Scan"), "no function may Scan");
        assertFalse(text.contains("DynamoDBReadPolicy") || text.contains("DynamoDBCrudPolicy"),
                "SAM's DynamoDB policy templates grant Scan");
        assertFalse(text.matches("(?s).*dynamodb:\\*.*"), "no wildcard actions");
    }

    @Test
    void theTableStreamsItsChangesToTheIndexerWhichNoRecordCanHoldUp() {
        var table = Template.map(template.table().getValue().get("Properties"));
        assertEquals(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"), table.get("StreamSpecification"));
        assertEquals(1, template.streamSources().size());
        var source = template.streamSources().getFirst();
        assertEquals("SearchIndexFunction", source.functionId());
        assertTrue(source.bisectOnError(), "a failing batch is halved until the bad record stands alone");
        assertTrue(source.maximumRetryAttempts() >= 0 && source.maximumRetryAttempts() <= 10, "retries end, so the stream moves on");
        assertEquals(1, source.windowSeconds(), "changes reach the index within seconds");
        var event = Template.map(Template.map(template.functions().get("SearchIndexFunction").properties().get("Events")).get("PostChanges"));
        var props = Template.map(event.get("Properties"));
        assertEquals(Map.of("Fn::GetAtt", List.of("PostsTable", "StreamArn")), props.get("Stream"));
        var failure = Template.map(Template.map(props.get("DestinationConfig")).get("OnFailure"));
        assertEquals("SQS", failure.get("Type"), "what the retries give up on goes to a queue");
        var filter = new EventFilterProbe(source.filterPatterns());
        assertTrue(filter.passes("POST#5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "POST"), "a post item passes");
        for (String[] other : new String[][] {{"POST#5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "BODY"},
                {"POST#5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "POST#TAG#frivard"}, {"TAG#frivard", "TAG"}, {"SESSION#abc", "SESSION"}}) {
            assertFalse(filter.passes(other[0], other[1]), "only post items wake the indexer, not " + String.join(" ", other));
        }
    }

    @Test
    void theSearchIndexBucketIsPrivateEncryptedAndReachedOnlyOverTls() {
        var bucket = Template.map(template.resource("SearchIndexBucket").get("Properties"));
        var block = Template.map(bucket.get("PublicAccessBlockConfiguration"));
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(Boolean.TRUE, block.get(setting), setting);
        }
        assertTrue(bucket.containsKey("BucketEncryption"));
        String policy = template.resource("SearchIndexBucketPolicy").toString();
        assertTrue(policy.contains("aws:SecureTransport") && policy.contains("Deny"), policy);
        for (String function : List.of("SearchApiFunction", "SearchPageFunction", "SearchIndexFunction")) {
            String policies = String.valueOf(template.functions().get(function).properties().get("Policies"));
            assertFalse(policies.contains("s3:*") || policies.contains("s3:Put") && !function.equals("SearchIndexFunction"),
                    function + " may only read the index: " + policies);
        }
    }

    @Test
    void theTableKeepsBodiesOutOfTheListIndex() {
        var props = Template.map(template.table().getValue().get("Properties"));
        @SuppressWarnings("unchecked")
        var index = Template.map(((List<Object>) props.get("GlobalSecondaryIndexes")).getFirst());
        var projection = Template.map(index.get("Projection"));
        assertEquals("INCLUDE", projection.get("ProjectionType"));
        assertFalse(((List<?>) projection.get("NonKeyAttributes")).contains("body"));
        assertEquals("Retain", template.table().getValue().get("DeletionPolicy"));
    }

    @Test
    void thePicturesBucketIsPrivateEncryptedKeptAndCleansUpAfterItself() {
        var bucket = template.firstOfType("AWS::S3::Bucket").orElseThrow();
        var props = Template.map(bucket.getValue().get("Properties"));
        var block = Template.map(props.get("PublicAccessBlockConfiguration"));
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(Boolean.TRUE, block.get(setting), setting);
        }
        String encryption = String.valueOf(props.get("BucketEncryption"));
        assertTrue(encryption.contains("AES256") || encryption.contains("aws:kms"), encryption);
        assertEquals("Retain", bucket.getValue().get("DeletionPolicy"), "pictures outlive stacks, as posts do");
        var rules = LocalBucket.lifecycle(template);
        assertEquals(2, rules.size());
        var uploads = rules.stream().filter(r -> "uploads/".equals(r.filter().prefix())).findFirst().orElseThrow();
        assertEquals(1, uploads.expiration().days(), "an abandoned upload goes after a day");
        var unattached = rules.stream().filter(r -> r.filter().tag() != null).findFirst().orElseThrow();
        assertEquals("state", unattached.filter().tag().key());
        assertEquals("unattached", unattached.filter().tag().value());
        assertEquals(2, unattached.expiration().days(), "a picture no post shows goes after two days");
        // In AWS a deleted picture is kept as an old version for as long as the table can be restored to a time before.
        var pictures = Template.map(template.resource("ImagesBucket").get("Properties"));
        assertEquals(Map.of("Status", "Enabled"), pictures.get("VersioningConfiguration"));
        var deleted = ((List<?>) Template.map(pictures.get("LifecycleConfiguration")).get("Rules")).stream().map(Template::map)
                .filter(r -> "images/".equals(r.get("Prefix"))).findFirst().orElseThrow();
        assertEquals(Map.of("NoncurrentDays", 35), deleted.get("NoncurrentVersionExpiration"));
        assertEquals(Boolean.TRUE, deleted.get("ExpiredObjectDeleteMarker"));
        assertFalse(String.valueOf(props).contains("CorsConfiguration"), "a plain form POST needs no CORS");
        assertEquals("imagesbucket", LocalBucket.nameIn(template), "locally the bucket is its id in lower case, as S3 names must be");
    }
}
