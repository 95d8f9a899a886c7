package se.inlagg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.inlagg.api.AuthorizerHandler;
import se.inlagg.api.CreatePostHandler;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.http.TestContext;
import se.inlagg.json.Json;
import se.inlagg.streams.SearchIndexHandler;
import se.inlagg.web.ImageHandler;
import se.inlagg.web.ListPageHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The weekly schedule's event (template.yaml, KeepActive) is answered by every kind of function without a request's
 * work: a page, an API write, the authorizer, the indexer and the picture redirect each answer it as kept, and touch
 * neither the table nor a bucket (each given here throws, and is counted, when anything reaches it). Taken for a request
 * it would be a 4xx page and a line of metrics a week; for a batch, an error.
 */
class KeepActiveTest {

    static final AtomicInteger REACHED = new AtomicInteger();

    /** The table every function here is given: any operation the code makes on it is counted, and fails. */
    static final DynamoDbClient NO_TABLE = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> switch (method.getName()) {
                case "serviceName" -> "dynamodb";
                case "close" -> null;
                case "toString" -> "a table nothing may reach";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> {
                    REACHED.incrementAndGet();
                    throw new AssertionError("the table was reached: " + method.getName());
                }
            });

    static Wiring untouchable() {
        return Wiring.withBuckets(NO_TABLE, new Settings("Posts", ZoneId.of("Europe/Stockholm")), Clock.systemUTC(),
                () -> {
                    REACHED.incrementAndGet();
                    throw new AssertionError("the pictures bucket was reached");
                },
                () -> {
                    REACHED.incrementAndGet();
                    throw new AssertionError("the search index was reached");
                });
    }

    static Object answer(RequestStreamHandler handler) throws Exception {
        var out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(KeepActive.EVENT).getBytes(StandardCharsets.UTF_8)), out, new TestContext());
        return Json.read(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyKindOfFunctionAnswersTheScheduleAsKeptAndTouchesNothing() throws Exception {
        REACHED.set(0);
        List<RequestStreamHandler> handlers = List.of(new ListPageHandler().use(untouchable()), new CreatePostHandler().use(untouchable()),
                new AuthorizerHandler().use(untouchable()), new SearchIndexHandler().use(untouchable()), new ImageHandler().use(untouchable()));
        for (RequestStreamHandler handler : handlers) {
            assertEquals(Map.of("keptActive", true), answer(handler), handler.getClass().getSimpleName());
        }
        assertEquals(0, REACHED.get(), "nothing was read or written");
    }

    @Test
    void onlyTheSchedulesOwnEventIsTakenForIt() {
        assertTrue(KeepActive.is(Json.read("{\"inlagg\": \"keep-active\"}")));
        assertFalse(KeepActive.is(Json.read("{\"inlagg\": \"keep-active\", \"routeKey\": \"GET /\"}")), "a request that names it too is a request");
        assertFalse(KeepActive.is(Json.read("{\"inlagg\": \"kept\"}")));
        assertFalse(KeepActive.is(Json.read("{\"Records\": []}")));
        assertFalse(KeepActive.is(List.of()));
    }
}
