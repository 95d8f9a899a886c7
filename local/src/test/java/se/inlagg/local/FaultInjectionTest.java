package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.inlagg.api.AddTagsHandler;
import se.inlagg.api.CreatePostHandler;
import se.inlagg.api.DeletePostHandler;
import se.inlagg.app.Wiring;
import se.inlagg.http.HttpResponse;
import se.inlagg.config.Settings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Conflicts, throttling and a failure in the middle of a multi-item write, injected into the
 * store: the handlers retry what can be retried, answer 503 with Retry-After otherwise, and never
 * leave anything half-written.
 */
class FaultInjectionTest {

    static final String AUTHOR = "3f2b8c1e-5d4a-4e7b-9c2f-1a6d8e0b7c44";
    static ServerExtension env;
    static DynamoDbClient real;
    final FaultyDynamo faults = new FaultyDynamo();
    Wiring wiring;

    @BeforeAll
    static void start() throws Exception {
        env = new ServerExtension();
        real = env.server.dynamoClient();
    }

    @AfterAll
    static void stop() throws Exception {
        if (env != null) { // null when the set-up was skipped (no LocalStack here)
            real.close();
            env.close();
        }
    }

    @BeforeEach
    void wire() {
        wiring = new Wiring(faults.wrap(real, env.server.tableName()),
                new Settings(env.server.tableName(), ZoneId.of("Europe/Stockholm")), Clock.systemUTC(),
                Duration.ofMillis(400), Duration.ofMillis(800));
    }

    HttpResponse create(String title, String... tags) {
        StringBuilder json = new StringBuilder("{\"title\": \"" + title + "\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}, \"tags\": [");
        for (int i = 0; i < tags.length; i++) {
            json.append(i > 0 ? "," : "").append('"').append(tags[i]).append('"');
        }
        json.append("], \"publishedAt\": \"2017-03-03\"}");
        return new CreatePostHandler().use(wiring).answer(
                Events.http("POST /api/posts", "/api/posts", Map.of(), json.toString(), AUTHOR, Map.of()));
    }

    HttpResponse addTag(String slug, String tag) {
        return new AddTagsHandler().use(wiring).answer(Events.http("POST /api/posts/{slug}/tags", "/api/posts/" + slug + "/tags",
                Map.of("slug", slug), "{\"tags\": [\"" + tag + "\"]}", AUTHOR, Map.of()));
    }

    /** Every item of the table, to compare before and after. (A test may Scan; production code never does.) */
    static List<Map<String, AttributeValue>> everything() {
        return real.scan(r -> r.tableName(env.server.tableName()).consistentRead(true)).items().stream()
                .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("PK").s()).thenComparing(i -> i.get("SK").s()))
                .toList();
    }

    @Test
    void conflictingTransactionsAreRetriedAndTheWriteLandsOnce() throws Exception {
        assertEquals(201, create("Konflikt och omförsök", "Konflikt").status());
        faults.fault = FaultyDynamo.Fault.CONFLICT;
        faults.faultsLeft.set(3);
        int before = faults.transactions.get();
        var answer = addTag("konflikt-och-omforsok", "Omförsök");
        assertEquals(200, answer.status(), answer.bodyText());
        assertEquals(4, faults.transactions.get() - before, "three conflicts, then the write");
        assertEquals(1, ApiAsserts.tagCount(env.http, "omforsok"));
        assertEquals(1, ApiAsserts.tagCount(env.http, "konflikt"));
        assertEquals(2, env.http.get("/api/posts/konflikt-och-omforsok").json().path("version").asInt());
    }

    @Test
    void conflictsThatOutlastTheBudgetAnswer503WithRetryAfterAndWriteNothing() {
        var before = everything();
        faults.fault = FaultyDynamo.Fault.CONFLICT;
        faults.faultsLeft.set(Integer.MAX_VALUE);
        var answer = create("Aldrig skrivet", "Trängsel");
        assertBusy(answer);
        assertEquals(before, everything());
    }

    @Test
    void aFailureInTheMiddleOfAMultiItemWriteLeavesTheTableUnchanged() {
        assertEquals(201, create("Före felet", "Mitt").status());
        var before = everything();
        faults.fault = FaultyDynamo.Fault.FAIL_LAST_OPERATION;
        faults.faultsLeft.set(Integer.MAX_VALUE);
        assertBusy(create("Halvskrivet inlägg", "Mitt", "Halv", "Skrivning"));
        assertBusy(addTag("fore-felet", "Halv"));
        var delete = new DeletePostHandler().use(wiring).answer(Events.http("DELETE /api/posts/{slug}", "/api/posts/fore-felet",
                Map.of("slug", "fore-felet"), null, AUTHOR, Map.of()));
        assertBusy(delete);
        assertEquals(before, everything(), "slug claim, post, body, tag entries and counts all untouched");
        assertTrue(faults.transactions.get() > 3, "each write did try");
    }

    @Test
    void throttlingThatSurvivesTheSdksRetriesAnswers503() {
        var before = everything();
        faults.fault = FaultyDynamo.Fault.THROTTLE;
        faults.faultsLeft.set(1);
        assertBusy(create("Strypt", "Strypning"));
        assertEquals(before, everything());
    }

    static void assertBusy(HttpResponse answer) {
        assertEquals(503, answer.status(), answer.bodyText());
        assertTrue(Integer.parseInt(answer.header("retry-after")) >= 1);
        JsonNode error;
        try {
            error = Http.JSON.readTree(answer.bodyText()).path("error");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals("busy", error.path("code").asText());
    }
}
