package se.inlagg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The weekly schedule's event (template.yaml, KeepActive) is answered by every kind of function without a request's
 * work: a page, an API write, the authorizer, the indexer and the picture redirect each answer it as kept, and touch
 * neither the table nor a bucket (each given here throws, and is counted, when anything reaches it). Taken for a request
 * it would be a 4xx page and a line of metrics a week; for a batch, an error.
 */
class KeepActiveTest {

    static final AtomicInteger REACHED = new AtomicInteger();

    /**
     * The table every function here is given: each operation the code makes is counted and fails (the SDK's interface
     * throws for any other, which the answer's check would catch).
     */
    static final DynamoDbClient NO_TABLE = new DynamoDbClient() {
        private <T> T reached() {
            REACHED.incrementAndGet();
            throw new AssertionError("the table was reached");
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            return reached();
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            return reached();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            return reached();
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            return reached();
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            return reached();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };

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
