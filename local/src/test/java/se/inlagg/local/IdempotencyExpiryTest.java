package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.inlagg.api.CreatePostHandler;

/** An Idempotency-Key is remembered for 24 hours; after that its record counts as absent, even before TTL removes it. */
class IdempotencyExpiryTest extends ServerTest {

    static final String BODY = "{\"title\": \"Nyckel som går ut\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}, \"publishedAt\": \"2019-01-30\"}";

    String createAt(Clock clock) {
        return createAt(clock, "gar-ut-1");
    }

    String createAt(Clock clock, String key) {
        try (var client = env.server.dynamoClient()) {
            var wiring = Wirings.on(client, env.server.tableName(), clock);
            var answer = new CreatePostHandler().use(wiring).answer(Events.http("POST /api/posts", "/api/posts", Map.of(), BODY,
                    "3f2b8c1e-5d4a-4e7b-9c2f-1a6d8e0b7c44", Map.of("idempotency-key", key)));
            assertEquals(201, answer.status(), answer.bodyText());
            return Http.JSON.readTree(answer.bodyText()).path("id").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aKeyOlderThanADayMakesANewPostAndIsThenRememberedAgain() {
        Clock now = Clock.systemUTC();
        Clock tomorrow = Clock.offset(now, Duration.ofHours(25));
        String first = createAt(now);
        assertEquals(first, createAt(now), "within the day: the first post");
        String second = createAt(tomorrow);
        assertNotEquals(first, second, "after a day the key is free: a new post");
        assertEquals(second, createAt(tomorrow), "and the key now stands for the new post");
        assertEquals(200, http.get("/api/posts/nyckel-som-gar-ut-2").status());
    }

    /** The day is up at its last second: a key sent again exactly 24 hours after its create is free, and makes a new post. */
    @Test
    void aKeyIsFreeAtTheVerySecondItsDayEnds() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Clock then = Clock.fixed(start, ZoneOffset.UTC);
        Clock dayLater = Clock.fixed(start.plus(Duration.ofHours(24)), ZoneOffset.UTC);
        String first = createAt(then, "gar-ut-pa-sekunden");
        assertEquals(first, createAt(Clock.fixed(start.plus(Duration.ofHours(24)).minusSeconds(1), ZoneOffset.UTC), "gar-ut-pa-sekunden"),
                "a second before: still the first post");
        assertNotEquals(first, createAt(dayLater, "gar-ut-pa-sekunden"), "at the second the day ends: a new post");
    }
}
