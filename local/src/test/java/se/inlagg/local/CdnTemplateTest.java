package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.http.Problems;

/**
 * What the CloudFront distribution in template.yaml promises readers and authors, none of which a
 * local run exercises: a signed-in author never gets a reader's cached copy (nor a reader an
 * author's), pictures come from the bucket and only published ones, and the site's own host name
 * reaches the functions.
 */
@SameOnEveryBackend
class CdnTemplateTest {

    static Template template;
    static Map<String, Object> config;

    @BeforeAll
    static void read() throws IOException {
        template = Template.read(Repo.template());
        config = Template.map(properties("Distribution").get("DistributionConfig"));
    }

    static Map<String, Object> properties(String resourceId) {
        return Template.map(template.resource(resourceId).get("Properties"));
    }

    static Map<String, Object> behaviour(String pathPattern) {
        for (Object b : (List<?>) config.get("CacheBehaviors")) {
            if (pathPattern.equals(Template.map(b).get("PathPattern"))) {
                return Template.map(b);
            }
        }
        throw new AssertionError("no behaviour for " + pathPattern);
    }

    static Map<String, Object> origin(String id) {
        for (Object o : (List<?>) config.get("Origins")) {
            if (id.equals(Template.map(o).get("Id"))) {
                return Template.map(o);
            }
        }
        throw new AssertionError("no origin " + id);
    }

    static Map<String, Object> keyOf(Object cachePolicyRef) {
        String id = String.valueOf(Template.map(cachePolicyRef).get("Ref"));
        return Template.map(Template.map(properties(id).get("CachePolicyConfig"))
                .get("ParametersInCacheKeyAndForwardedToOrigin"));
    }

    @Test
    void pagesAreCachedPerSessionCookieSoAnAuthorAndAReaderNeverShareACopy() throws Exception {
        Map<String, Object> pages = Template.map(config.get("DefaultCacheBehavior"));
        Map<String, Object> cookies = Template.map(keyOf(pages.get("CachePolicyId")).get("CookiesConfig"));
        assertEquals("whitelist", cookies.get("CookieBehavior"));
        Field name = Class.forName("se.inlagg.web.Cookies").getDeclaredField("SECURE_NAME");
        name.setAccessible(true);
        assertEquals(List.of(name.get(null)), cookies.get("Cookies"), "the cookie the site signs authors in with");
    }

    /**
     * A query parameter no reader's page or public API reads makes no copy of its own at the edge: with every query string
     * in the key, /feed.xml?x=1, ?x=2 … each reached the feed function (62 read units a call, as a cost probe measured),
     * and every post page and sitemap as freely. The key holds what they read: every query parameter the API's contract
     * names, which the readers' lists and search read too (a search's words and scope, a cursor, a month), so a search and
     * a list's next page are copies of their own. All are still forwarded (the origin request policy), so an author's page
     * reads its own (?done=, ?from=, ?status=); those pages are never stored at the edge. So are an author's own API answers
     * (an operation no one may call without a token, such as /api/me/posts?status=): their parameters are not in the key.
     */
    @Test
    void pagesAndTheApiAreKeyedOnlyByTheQueryParametersTheyRead() throws Exception {
        Set<String> read = new TreeSet<>();
        JsonNode contract = Http.JSON.readTree(Repo.root().resolve("functions/src/main/resources/openapi.json").toFile());
        contract.path("paths").forEach(operations -> operations.forEach(operation -> {
            // No security, or a choice of none ({}) among them: a reader may call it.
            JsonNode security = operation.path("security");
            boolean readers = security.isEmpty() || security.findValues("bearerAuth").size() < security.size();
            operation.path("parameters").forEach(parameter -> {
                JsonNode p = parameter.has("$ref")
                        ? contract.at(parameter.path("$ref").asText().substring(1)) : parameter;
                if (readers && p.path("in").asText().equals("query")) {
                    read.add(p.path("name").asText());
                }
            });
        }));
        assertTrue(read.containsAll(List.of("q", "cursor", "month", "limit", "tag", "author", "office")),
                "the contract's query parameters: " + read);
        assertFalse(read.contains("status"), "an author's own list's ?status is no reader's: " + read);
        for (String path : List.of("/*", "/api/*")) {
            Map<String, Object> key = Template.map(keyOf((path.equals("/*") ? Template.map(config.get("DefaultCacheBehavior")) : behaviour(path))
                    .get("CachePolicyId")).get("QueryStringsConfig"));
            assertEquals("whitelist", key.get("QueryStringBehavior"), path + " is cached per query string, any at all: " + key);
            assertEquals(read, new TreeSet<>((List<?>) key.get("QueryStrings")), path + "'s key");
        }
    }

    /**
     * Posts, feeds and sitemaps read no query parameter for readers, so they are keyed by none: /feed.xml?q=<n> or
     * ?limit=<n> reached the feed function as freely as a made-up parameter did (found by a review). Otherwise keyed as
     * pages are (the session cookie, the site's name), and every parameter still forwarded to authors' pages.
     */
    @Test
    void postsFeedsAndSitemapsAreKeyedByNoQueryAndOtherwiseAsPages() {
        Map<String, Object> pages = keyOf(Template.map(config.get("DefaultCacheBehavior")).get("CachePolicyId"));
        for (String path : List.of("*.xml", "/posts/*")) {
            Map<String, Object> behaviour = behaviour(path);
            Map<String, Object> key = keyOf(behaviour.get("CachePolicyId"));
            assertEquals(Map.of("QueryStringBehavior", "none"), key.get("QueryStringsConfig"), path);
            assertEquals(pages.get("CookiesConfig"), key.get("CookiesConfig"), path + ": an author never gets a reader's copy");
            assertEquals(pages.get("HeadersConfig"), key.get("HeadersConfig"), path + ": links name the site's name asked on");
            assertEquals(Template.map(config.get("DefaultCacheBehavior")).get("OriginRequestPolicyId"), behaviour.get("OriginRequestPolicyId"),
                    path + ": every parameter, cookie and header still reaches the functions");
            assertEquals(Template.map(config.get("DefaultCacheBehavior")).get("FunctionAssociations"), behaviour.get("FunctionAssociations"), path);
            assertEquals(Template.map(config.get("DefaultCacheBehavior")).get("AllowedMethods"), behaviour.get("AllowedMethods"),
                    path + ": a method the site does not answer there is its 405 with Allow, not CloudFront's 403");
        }
        // CloudFront takes the first behaviour whose pattern matches: no address of the API is keyed as a feed or a post.
        List<Object> patterns = ((List<?>) config.get("CacheBehaviors")).stream().map(b -> Template.map(b).get("PathPattern")).toList();
        assertEquals(0, patterns.indexOf("/api/*"), "the API's behaviour first: " + patterns);
    }

    @Test
    void theApiIsCachedPerAuthorizationHeaderSoADraftReachesOnlyItsAuthor() {
        Map<String, Object> headers = Template.map(keyOf(behaviour("/api/*").get("CachePolicyId")).get("HeadersConfig"));
        assertEquals("whitelist", headers.get("HeaderBehavior"));
        assertTrue(((List<?>) headers.get("Headers")).contains("Authorization"), headers.toString());
        assertTrue(((List<?>) headers.get("Headers")).contains("Origin"),
                "an allowed origin's Access-Control-Allow-Origin is never served to another (found by a review): " + headers);
    }

    /** Links name the host the page was asked on, so a copy made for one name must not serve the other. */
    @Test
    void pagesAreCachedPerNameTheReaderUsedSoLinksNameIt() {
        Map<String, Object> headers = Template.map(keyOf(Template.map(config.get("DefaultCacheBehavior")).get("CachePolicyId")).get("HeadersConfig"));
        assertEquals(Map.of("HeaderBehavior", "whitelist", "Headers", List.of("x-inlagg-site-host")), headers);
    }

    /**
     * A HEAD on an address routed for GET alone is the fallback's 405, which CloudFront would otherwise keep for 10 s under
     * the key readers' GETs use.
     */
    @Test
    void aHeadsMethodNotAllowedIsNeverKeptWhereAReadersGetCouldMeetIt() {
        List<String> getOnly = template.routes().stream().filter(r -> r.method().equals("GET"))
                .map(Template.Route::path)
                .filter(path -> template.routes().stream().noneMatch(r -> r.method().equals("HEAD") && r.path().equals(path)))
                .toList();
        assertTrue(getOnly.contains("/api/posts"), "the API's reads answer GET alone: " + getOnly);
        List<Map<String, Object>> kept = ((List<?>) config.getOrDefault("CustomErrorResponses", List.of())).stream()
                .map(Template::map).filter(e -> Integer.valueOf(405).equals(e.get("ErrorCode"))).toList();
        assertEquals(List.of(Map.of("ErrorCode", 405, "ErrorCachingMinTTL", 0)), kept,
                "no 405 is cached, so none reaches a GET of " + getOnly);
    }

    /**
     * A busy DynamoDB is a 503 with Retry-After (2 s): "send it again after that many seconds". CloudFront ignores the
     * answer's no-store for every error but 404, 410, 414 and 501 and keeps it for the error caching minimum TTL, 10 s by
     * default, under the key every reader of that address shares: the retry the answer asks for, and every other reader's
     * GET of the page, meets the same 503 for five times as long as it said, after DynamoDB recovered.
     */
    @Test
    void aBusyAnswerIsKeptAtTheEdgeNoLongerThanItsRetryAfterSays() {
        List<Map<String, Object>> kept = ((List<?>) config.getOrDefault("CustomErrorResponses", List.of())).stream()
                .map(Template::map).filter(e -> Integer.valueOf(503).equals(e.get("ErrorCode"))).toList();
        long retryAfter = Problems.BUSY_RETRY_AFTER.toSeconds();
        assertTrue(kept.size() == 1 && kept.getFirst().get("ErrorCachingMinTTL") instanceof Integer ttl && ttl <= retryAfter,
                "a 503 with Retry-After " + retryAfter + " s is kept by CloudFront for its default 10 s, no-store notwithstanding: "
                        + "CustomErrorResponses for 503 are " + kept);
        for (int failed : new int[] {500, 502, 504}) {
            assertTrue(((List<?>) config.get("CustomErrorResponses")).stream().map(Template::map)
                    .anyMatch(e -> Integer.valueOf(failed).equals(e.get("ErrorCode")) && Integer.valueOf(0).equals(e.get("ErrorCachingMinTTL"))),
                    "a function that failed or timed out (" + failed + ") is not kept at the edge for 10 s");
        }
    }

    @Test
    void picturesComeFromTheBucketThroughCloudFrontAloneAndOnlyPublishedOnes() {
        Map<String, Object> images = behaviour("/images/*");
        assertEquals(List.of("GET", "HEAD"), images.get("AllowedMethods"));
        Map<String, Object> origin = origin(String.valueOf(images.get("TargetOriginId")));
        assertEquals(Map.of("Fn::GetAtt", List.of("ImagesBucket", "RegionalDomainName")), origin.get("DomainName"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ImagesAccess", "Id")), origin.get("OriginAccessControlId"),
                "CloudFront signs its reads; the bucket stays private");
        assertEquals("always", Template.map(properties("ImagesAccess").get("OriginAccessControlConfig"))
                .get("SigningBehavior"));

        // The path readers get is the object's key: /images/<name> is images/<name>, which is also
        // the route the functions answer locally and on the API's own address.
        assertTrue(template.routes().stream().anyMatch(r -> r.path().equals("/images/{name}")), "the local route");

        Map<String, Object> policy = Template.map(properties("ImagesBucketPolicy").get("PolicyDocument"));
        List<Map<String, Object>> allows = ((List<?>) policy.get("Statement")).stream().map(Template::map)
                .filter(s -> "Allow".equals(s.get("Effect"))).toList();
        assertEquals(1, allows.size(), "nothing but CloudFront is let in: " + allows);
        Map<String, Object> allow = allows.getFirst();
        assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), allow.get("Principal"));
        assertEquals("s3:GetObject", allow.get("Action"));
        assertEquals(Map.of("Fn::Sub", "${ImagesBucket.Arn}/images/*"), allow.get("Resource"),
                "uploads still being checked are not readable");
        String sourceArn = String.valueOf(Template.map(Template.map(Template.map(allow.get("Condition")).get("StringEquals"))
                .get("AWS:SourceArn")).get("Fn::Sub"));
        assertTrue(sourceArn.endsWith(":distribution/${Distribution}"), "only this stack's distribution: " + sourceArn);
    }

    @Test
    void theSiteHostFunctionPassesTheViewersHostToTheFunctions(@TempDir Path dir) throws Exception {
        Map<String, Object> pages = Template.map(config.get("DefaultCacheBehavior"));
        for (Map<String, Object> b : List.of(pages, behaviour("/api/*"))) {
            Map<String, Object> association = Template.map(((List<?>) b.get("FunctionAssociations")).getFirst());
            assertEquals("viewer-request", association.get("EventType"));
            assertEquals(Map.of("Fn::GetAtt", List.of("SiteHost", "FunctionMetadata.FunctionARN")), association.get("FunctionARN"));
        }
        String code = String.valueOf(properties("SiteHost").get("FunctionCode"));
        Optional<String> node = node();
        if (node.isEmpty() && "1".equals(System.getenv("INLAGG_REQUIRE_NODE"))) {
            throw new AssertionError("Node.js is required here (INLAGG_REQUIRE_NODE=1) to run the CloudFront function");
        }
        Assumptions.assumeTrue(node.isPresent(), "Node.js is not installed: the CloudFront function's code is not run");
        // CloudFront Functions are plain ECMAScript with this event shape; Node runs the same code.
        Path script = dir.resolve("site-host.js");
        Files.writeString(script, code + """
                var out = handler({request: {method: 'GET', uri: '/', headers: {
                    host: {value: 'blogg.example.se'}, 'x-inlagg-site-host': {value: 'evil.example'}}}});
                console.log(JSON.stringify(out.headers));
                """, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(node.get(), script.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        assertEquals(Map.of("host", Map.of("value", "blogg.example.se"), "x-inlagg-site-host", Map.of("value", "blogg.example.se")),
                Http.JSON.readValue(out, Map.class), "a viewer cannot name another host");
    }

    private static Optional<String> node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * A 400 is never kept at the edge: it answers what was sent, which may name a parameter no key holds (an author's
     * ?status), and CloudFront keeps an error for 10 s whatever its no-store says, so /drafts?status=utkast refused would
     * have answered that author's /drafts, ?status=draft and a publish's confirmation, all under the one key, for 10 s
     * (found by a review). Either a 400 is never kept, or every parameter that may draw one is in the key.
     */
    @Test
    void aRefusedStatusIsNotKeptAtTheEdgeForTheAuthorsOtherLists() throws IOException {
        boolean badRequestNeverKept = ((List<?>) config.getOrDefault("CustomErrorResponses", List.of())).stream().map(Template::map)
                .anyMatch(e -> Integer.valueOf(400).equals(e.get("ErrorCode")) && Integer.valueOf(0).equals(e.get("ErrorCachingMinTTL")));
        for (String path : List.of("/*", "/api/*")) {
            Object policy = (path.equals("/*") ? Template.map(config.get("DefaultCacheBehavior")) : behaviour(path))
                    .get("CachePolicyId");
            List<?> keyed = (List<?>) Template.map(keyOf(policy).get("QueryStringsConfig")).get("QueryStrings");
            assertTrue(badRequestNeverKept || keyed.contains("status"),
                    path + ": a 400 for ?status=utkast is kept 10 s under the key of the author's whole list (" + keyed
                            + " names no status, and no CustomErrorResponse keeps a 400 for 0 s)");
        }
    }
}
