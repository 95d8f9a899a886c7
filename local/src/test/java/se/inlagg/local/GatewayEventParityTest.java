package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What a handler receives from the local server is what API Gateway sends it. Every GET event in
 * events/ is sent again as the HTTP request it records, through the local server's socket and
 * gateway to a function that only records its event, and the fields a handler reads to know the
 * request (route, raw path and query, decoded query and path parameters) must be the file's.
 */
@SameOnEveryBackend
class GatewayEventParityTest {

    private static final List<String> REQUEST_FIELDS = List.of("routeKey", "rawPath", "rawQueryString",
            "queryStringParameters", "pathParameters");

    private static final Map<String, JsonNode> received = new ConcurrentHashMap<>();
    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        Template template = Template.read(Repo.template());
        Map<String, LambdaFunction> recorders = template.functions().keySet().stream()
                .collect(Collectors.toMap(Function.identity(), GatewayEventParityTest::recorder));
        Gateway gateway = new Gateway(new Router(template.routes()), recorders, Optional.empty());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new GatewayHttpHandler(gateway, () -> new PrintStream(OutputStream.nullOutputStream())));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedGetEventReachesItsHandlerAsRecorded() throws Exception {
        List<JsonNode> events;
        try (Stream<Path> files = Files.list(Repo.events())) {
            events = files.filter(f -> f.toString().endsWith(".json")).sorted().map(GatewayEventParityTest::read)
                    .filter(e -> e.path("requestContext").path("http").path("method").asText().equals("GET"))
                    .toList();
        }
        assertFalse(events.isEmpty());
        return events.stream().map(recorded -> DynamicTest.dynamicTest(target(recorded), () -> {
            JsonNode got = send(target(recorded));
            for (String field : REQUEST_FIELDS) {
                assertEquals(recorded.get(field), got.get(field), field + " of " + target(recorded));
            }
        }));
    }

    @Test
    void aQueryInUnencodedUtf8AsCurlSendsItDecodesAsTheRecordedEncodedOne() throws Exception {
        JsonNode recorded = read(Repo.events().resolve("list-posts.json"));
        assertEquals("Frivård", recorded.path("queryStringParameters").path("tag").asText(), "the recorded event names Frivård");
        JsonNode got = send("/api/posts?limit=10&tag=Frivård&month=2019-01");
        assertEquals(recorded.get("queryStringParameters"), got.get("queryStringParameters"));
        assertEquals("limit=10&tag=Frivård&month=2019-01", got.path("rawQueryString").asText(), "the raw query as sent");
    }

    @Test
    void aPlusIsASpaceAndRepeatedKeysAreJoinedWithCommas() throws Exception {
        JsonNode got = send("/api/posts?tag=Klientens+b%C3%A4sta&month=2019-01&tag=RBM");
        assertEquals(Http.JSON.readTree("{\"tag\": \"Klientens bästa,RBM\", \"month\": \"2019-01\"}"), got.get("queryStringParameters"));
        assertEquals("tag=Klientens+b%C3%A4sta&month=2019-01&tag=RBM", got.path("rawQueryString").asText());
    }

    @Test
    void aPathSegmentInUnencodedUtf8IsTheSameParameterAsItsEncodedForm() throws Exception {
        assertEquals("frivård", send("/tags/frivård").path("pathParameters").path("tag").asText());
        assertEquals("frivård", send("/tags/friv%C3%A5rd").path("pathParameters").path("tag").asText());
    }

    /**
     * A path is not a form: API Gateway keeps a "+" in it as a "+" (only a query reads it as a space), and an empty
     * segment is no {variable}, so "/posts/" is the $default route's, not a post with an empty slug.
     */
    @Test
    void aPlusInAPathIsAPlusAndAnEmptySegmentFillsNoVariable() throws Exception {
        assertEquals("c++", send("/tags/c++").path("pathParameters").path("tag").asText());
        JsonNode empty = send("/posts/");
        assertEquals("$default", empty.path("routeKey").asText(), empty.toString());
        assertFalse(empty.has("pathParameters"), empty.toString());
    }

    /**
     * A header a client sends on two lines reaches the function as API Gateway's payload 2.0 gives it: one value, the two
     * joined by a comma (a proxy's X-Forwarded-For, two Accept-Language lines), not the last line alone.
     */
    @Test
    void aHeaderSentOnTwoLinesReachesTheFunctionAsOneValueJoinedByAComma() throws Exception {
        JsonNode event = send("/tags/frivard", "Accept-Language: sv", "Accept-Language: en;q=0.5");
        assertEquals("sv,en;q=0.5", event.path("headers").path("accept-language").asText(), event.path("headers").toString());
    }

    private static JsonNode send(String target, String... headerLines) throws Exception {
        received.clear();
        assertEquals(200, RawHttp.get(server.getAddress().getPort(), target, headerLines), target);
        assertEquals(1, received.size(), "one function invoked for " + target);
        return received.values().iterator().next();
    }

    private static LambdaFunction recorder(String functionId) {
        return event -> {
            received.put(functionId, Http.json(event));
            return "{\"statusCode\": 200, \"body\": \"\"}";
        };
    }

    private static String target(JsonNode event) {
        String query = event.path("rawQueryString").asText();
        return event.path("rawPath").asText() + (query.isEmpty() ? "" : "?" + query);
    }

    private static JsonNode read(Path file) {
        try {
            return Http.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
