package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What no local run can reveal but AWS would: the template's wiring, checked by reading it. */
class TemplateContractTest {

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
            // Pages and the form authenticate with a session cookie inside the handler.
            assertEquals((write && route.path().startsWith("/api/")) || own, route.authorized(), route.key());
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
        assertFalse(String.valueOf(props).contains("CorsConfiguration"), "a plain form POST needs no CORS");
        assertEquals("imagesbucket", LocalBucket.nameIn(template), "locally the bucket is its id in lower case, as S3 names must be");
    }
}
