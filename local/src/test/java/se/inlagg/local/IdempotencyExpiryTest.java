package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.inlagg.api.CreatePostHandler;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;

/** An Idempotency-Key is remembered for 24 hours; after that its record counts as absent, even before TTL removes it. */
class IdempotencyExpiryTest extends ServerTest {

    static final String BODY = "{\"title\": \"Nyckel som går ut\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}, \"publishedAt\": \"2019-01-30\"}";

    String createAt(Clock clock) {
        try (var client = env.server.dynamoClient()) {
            var wiring = new Wiring(client, new Settings(env.server.tableName(), ZoneId.of("Europe/Stockholm")), clock);
            var answer = new CreatePostHandler().use(wiring).answer(Events.http("POST /api/posts", "/api/posts", Map.of(), BODY,
                    "3f2b8c1e-5d4a-4e7b-9c2f-1a6d8e0b7c44", Map.of("idempotency-key", "gar-ut-1")));
            assertEquals(201, answer.status(), answer.bodyText());
            return Http.JSON.readTree(answer.bodyText()).path("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
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
}
