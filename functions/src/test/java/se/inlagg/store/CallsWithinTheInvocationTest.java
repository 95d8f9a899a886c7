package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.inlagg.api.ListPostsHandler;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.http.AsLambdaRunsIt;
import se.inlagg.http.TestContext;
import se.inlagg.images.BucketSettings;
import se.inlagg.images.S3ImageBucket;
import se.inlagg.ops.Invocation;
import se.inlagg.web.SignInHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A function answers a table that keeps throttling, or an answer that never comes, with its 503 and Retry-After before
 * Lambda ends the invocation. The SDK's own bounds (nine attempts with throttled waits of at least 35 s between them; a
 * silent connection waited on for 30 s) outlasted the functions' 10 and 15 s, so Lambda ended them first and API Gateway
 * answered its bare 500 (found by a production pre-mortem). Here a function runs as Lambda runs it (handleRequest, with
 * the time its invocation has) against a loopback server playing DynamoDB; an invocation still running at its end is
 * what Lambda would have stopped.
 */
class CallsWithinTheInvocationTest {

    /** The invocation's time: short, so the test is; the bound is the same share of any function's timeout. */
    private static final int INVOCATION_MILLIS = 4_000;

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean silent;
    private final DynamoDbClient client;

    CallsWithinTheInvocationTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            if (silent) {
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
                    + "\"message\":\"Throughput exceeds the current capacity of your table or index.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = Table.configured(DynamoDbClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build();
    }

    @AfterEach
    void close() {
        released.countDown();
        client.close();
        server.stop(0);
    }

    @Test
    void aTableThatKeepsThrottlingIsAnsweredBusyBeforeLambdaEndsTheInvocation() throws Exception {
        Map<String, Object> answer = listPostsAsLambdaRunsIt();
        assertBusy(answer);
        assertTrue(calls.get() > 1, "the SDK retried within the time: " + calls.get());
    }

    @Test
    void anAnswerThatNeverComesIsGivenUpOnBeforeLambdaEndsTheInvocation() throws Exception {
        silent = true;
        assertBusy(listPostsAsLambdaRunsIt());
    }

    /**
     * A picture's read (an upload checked and made smaller on save) whose bytes stop coming halfway: getObject returned once
     * the headers came, so the SDK's bound ended there and the bytes were waited on for the client's 30 s of silence,
     * past the save function's 15 s (from a review). Read within the call, the bound covers them.
     */
    @Test
    void aPictureWhoseBytesStopComingIsGivenUpOnBeforeLambdaEndsTheInvocation() throws Exception {
        HttpServer s3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        s3.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s3.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.getResponseHeaders().add("Content-Range", "bytes 0-65535/1048576");
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(206, 65_536);
            exchange.getResponseBody().write(new byte[1_000]);
            exchange.getResponseBody().flush();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        s3.start();
        // The standard client, as the functions make it, pointed here the standard way.
        Map<String, String> properties = Map.of("aws.region", "eu-north-1", "aws.accessKeyId", "AKIDEXAMPLE", "aws.secretAccessKey", "secret",
                "aws.endpointUrlS3", "http://127.0.0.1:" + s3.getAddress().getPort());
        properties.forEach(System::setProperty);
        ExecutorService lambda = Executors.newVirtualThreadPerTaskExecutor();
        try {
            var settings = new BucketSettings("inlagg-pictures", Optional.empty());
            var bucket = new S3ImageBucket(settings, S3ImageBucket.standardParts(settings));
            Future<?> invocation = lambda.submit(() -> {
                try (var scope = Invocation.begin(new TestContext(INVOCATION_MILLIS), "POST /posts/{slug}/image", "r-3")) {
                    return bucket.read("uploads/upload-1", Optional.of("\"v1\""), 0, 65_536);
                }
            });
            var failure = assertThrows(ExecutionException.class, () -> invocation.get(INVOCATION_MILLIS, TimeUnit.MILLISECONDS),
                    "given up while the function can answer, not still reading when Lambda ends the invocation");
            assertTrue(failure.getCause() instanceof ApiCallTimeoutException, failure.toString());
        } finally {
            lambda.shutdownNow();
            properties.keySet().forEach(System::clearProperty);
            s3.stop(0);
        }
    }

    /**
     * DynamoDB unreachable (here a port nobody listens on) is AWS not answering, which a moment later it may: busy, not
     * 500. With a reader's whole 10 s, the SDK's nine attempts end (in about 3 s) before the invocation's time does.
     */
    @Test
    void aTableThatCannotBeReachedIsAnsweredBusy() throws Exception {
        server.stop(0);

        Map<String, Object> answer = listPostsAsLambdaRunsIt(10_000);

        assertBusy(answer);
        assertTrue(((String) answer.get("body")).contains("\"busy\""), answer.toString());
    }

    /**
     * A sign-in whose call to the table gets no answer changed nothing anyone wrote: the page says so as a reader's does
     * ("Försök igen"), not that it is unclear whether "the change" was saved, to look in Mina inlägg, a page only a
     * signed-in author can open, before doing it again.
     */
    @Test
    void aSignInThatGetsNoAnswerIsNotToldToLookInMinaInlaggForAChange() throws Exception {
        silent = true;
        var function = new SignInHandler().use(new Wiring(client, new Settings("Posts", ZoneId.of("Europe/Stockholm")),
                Clock.systemUTC()));
        String formToken = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE";
        String event = """
                {"version":"2.0","routeKey":"POST /signin","rawPath":"/signin","rawQueryString":"",
                 "cookies":["inlagg_signin=%s"],
                 "headers":{"user-agent":"Mozilla/5.0","content-type":"application/x-www-form-urlencoded","accept":"text/html"},
                 "body":"csrf=%s&token=hemlig-nyckel-fran-mejlet",
                 "requestContext":{"requestId":"r-4","http":{"method":"POST","sourceIp":"192.0.2.1"}},
                 "isBase64Encoded":false}""".formatted(formToken, formToken);

        Map<String, Object> answer = AsLambdaRunsIt.answer(function, event, INVOCATION_MILLIS);

        assertEquals(503, answer.get("statusCode"), answer.toString());
        String page = (String) answer.get("body");
        assertTrue(!page.contains("oklart om ändringen sparades") && !page.contains("Mina inlägg"),
                "a sign-in is told of a change and sent to Mina inlägg: " + page.replaceAll("(?s).*<main", "<main").replaceAll("(?s)</main>.*", ""));
    }

    private static void assertBusy(Map<String, Object> answer) {
        assertEquals(503, answer.get("statusCode"), answer.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) answer.get("headers");
        assertTrue(headers.containsKey("retry-after"), "with Retry-After: " + headers);
    }

    /** GET /api/posts through handleRequest; fails as Lambda would end it if the invocation outlasts its time. */
    private Map<String, Object> listPostsAsLambdaRunsIt() throws Exception {
        return listPostsAsLambdaRunsIt(INVOCATION_MILLIS);
    }

    private Map<String, Object> listPostsAsLambdaRunsIt(int invocationMillis) throws Exception {
        var function = new ListPostsHandler().use(new Wiring(client, new Settings("Posts", ZoneId.of("Europe/Stockholm")), Clock.systemUTC()));
        String event = """
                {"version":"2.0","routeKey":"GET /api/posts","rawPath":"/api/posts","rawQueryString":"",
                 "headers":{"user-agent":"curl/8.5.0"},
                 "requestContext":{"requestId":"r-1","http":{"method":"GET","sourceIp":"192.0.2.1"}},
                 "isBase64Encoded":false}""";
        return AsLambdaRunsIt.answer(function, event, invocationMillis);
    }
}
