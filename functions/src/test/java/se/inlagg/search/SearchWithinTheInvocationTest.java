package se.inlagg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.inlagg.api.SearchHandler;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.http.AsLambdaRunsIt;
import se.inlagg.http.HttpFunction;
import se.inlagg.http.TestContext;
import se.inlagg.ops.Invocation;
import se.inlagg.web.SearchPageHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A search whose index S3 does not give answers busy (503 with Retry-After) before Lambda ends the invocation, as a
 * call to DynamoDB does (store.CallsWithinTheInvocationTest). The index's hand-signed reads waited up to 5 s of silence
 * per attempt whatever the invocation had left, so a cold search function with 4 s left ran past its end, and API
 * Gateway answered its bare 500; and S3 unreachable was answered 500 "our fault", where a moment later it may answer.
 * The function runs here as Lambda runs it (handleRequest, with the time its invocation has) against a loopback port.
 */
class SearchWithinTheInvocationTest {

    private static final int INVOCATION_MILLIS = 4_000;

    private final List<Socket> held = new ArrayList<>();
    private final DynamoDbClient unused = DynamoDbClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .region(Region.EU_NORTH_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();
    private ServerSocket silentS3;

    @AfterEach
    void close() throws IOException {
        for (Socket socket : held) {
            socket.close();
        }
        if (silentS3 != null) {
            silentS3.close();
        }
        unused.close();
    }

    @Test
    void anIndexS3NeverAnswersIsGivenUpOnBeforeLambdaEndsTheInvocation() throws Exception {
        Map<String, Object> answer = searchAsLambdaRunsIt(new SearchHandler(), silentS3(), "application/json");

        assertBusy(answer);
        assertTrue(body(answer).contains("\"busy\""), body(answer));
    }

    @Test
    void anIndexS3ThatCannotBeReachedIsBusyNotOurFault() throws Exception {
        int closed;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = taken.getLocalPort();
        }

        assertBusy(searchAsLambdaRunsIt(new SearchHandler(), closed, "application/json"));
    }

    /** A reader asked for a page, and saved nothing: the page says to try again, not that "nothing was saved". */
    @Test
    void aReaderIsToldThePageCouldNotBeFetchedNotThatNothingWasSaved() throws Exception {
        Map<String, Object> answer = searchAsLambdaRunsIt(new SearchPageHandler(), silentS3(), "text/html");

        assertBusy(answer);
        String page = body(answer);
        assertTrue(page.contains("Försök igen om en stund"), page);
        assertFalse(page.contains("sparades"), page);
        assertFalse(page.contains("ändringar"), page);
    }

    /**
     * The indexer has 300 s; a batch PUTs the index's files (a rebuild after a new analysis writes all of them) and is done
     * in seconds, the next batch following in the same warm container. A PUT that has ended holds nothing of its file:
     * else every file written stays in memory until its attempt's deadline, near the invocation's end, however soon the
     * PUT was answered.
     */
    @Test
    void aFinishedPutHoldsNoneOfItsBytesForTheRestOfTheInvocation() throws Exception {
        HttpServer s3 = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        s3.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        s3.start();
        try {
            SignedBucketObjects objects = new SignedBucketObjects(SignedBucketObjects.http(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), "eu-north-1",
                    URI.create("http://127.0.0.1:" + s3.getAddress().getPort() + "/inlagg-search/"), Clock.systemUTC());

            assertFalse(heldAfterPut(objects, false), "outside an invocation the bytes go once the PUT is answered");
            assertFalse(heldAfterPut(objects, true), "within the indexer's invocation the answered PUT still holds its 8 MB file");
        } finally {
            s3.stop(0);
        }
    }

    /** Whether the file's bytes can still be reached once its PUT has been answered, within an invocation of 300 s or none. */
    private static boolean heldAfterPut(SignedBucketObjects objects, boolean inInvocation) throws InterruptedException {
        WeakReference<byte[]> file = putFile(objects, inInvocation);
        for (int i = 0; i < 20 && file.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return file.get() != null;
    }

    private static WeakReference<byte[]> putFile(SignedBucketObjects objects, boolean inInvocation) {
        byte[] bytes = new byte[8 << 20];
        var scope = inInvocation ? Invocation.begin(new TestContext(300_000), "stream", "") : null;
        try {
            assertEquals(Optional.of("\"v1\""), objects.put("search/_1.cfs", bytes, "application/octet-stream",
                    BucketObjects.Condition.ANY));
        } finally {
            if (scope != null) {
                scope.close();
            }
        }
        return new WeakReference<>(bytes);
    }

    private static void assertBusy(Map<String, Object> answer) {
        assertEquals(503, answer.get("statusCode"), answer.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) answer.get("headers");
        assertTrue(headers.containsKey("retry-after"), "with Retry-After: " + headers);
    }

    private static String body(Map<String, Object> answer) {
        String body = (String) answer.get("body");
        return Boolean.TRUE.equals(answer.get("isBase64Encoded"))
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    /** A port that takes connections and never says a word, as a stalled S3 does. */
    private int silentS3() throws IOException {
        silentS3 = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!silentS3.isClosed()) {
                try {
                    Socket socket = silentS3.accept();
                    synchronized (held) {
                        held.add(socket);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return silentS3.getLocalPort();
    }

    /** GET /search?q=möte through handleRequest; fails as Lambda would end it if the invocation outlasts its time. */
    private Map<String, Object> searchAsLambdaRunsIt(HttpFunction function, int s3Port, String accept) throws Exception {
        SignedBucketObjects objects = new SignedBucketObjects(SignedBucketObjects.http(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), "eu-north-1",
                URI.create("http://127.0.0.1:" + s3Port + "/inlagg-search/"), Clock.systemUTC());
        function.use(Wiring.withSearchIndex(unused, new Settings("Posts", ZoneId.of("Europe/Stockholm")), Clock.systemUTC(),
                () -> new S3IndexFiles(objects)));
        String path = function instanceof SearchHandler ? "/api/search" : "/search";
        String event = """
                {"version":"2.0","routeKey":"GET %s","rawPath":"%s","rawQueryString":"q=m%%C3%%B6te",
                 "headers":{"user-agent":"curl/8.5.0","accept":"%s"},
                 "queryStringParameters":{"q":"möte"},
                 "requestContext":{"requestId":"r-1","http":{"method":"GET","sourceIp":"192.0.2.1"}},
                 "isBase64Encoded":false}""".formatted(path, path, accept);
        return AsLambdaRunsIt.answer(function, event, INVOCATION_MILLIS);
    }
}
