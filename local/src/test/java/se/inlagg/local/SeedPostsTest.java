package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;

class SeedPostsTest extends ServerTest {

    @Test
    void seedingMakesTheTwoExamplesOnceWhateverHowOftenItRuns() {
        try (var client = env.server.dynamoClient()) {
            var wiring = new Wiring(client, new Settings(env.server.tableName(), ZoneId.of("Europe/Stockholm")), Clock.systemUTC());
            List<String> expected = List.of("att-gastspela-som-chef", "manadsmote-samverkan-for-klientens-basta");
            assertEquals(expected, SeedPosts.seed(wiring));
            assertEquals(expected, SeedPosts.seed(wiring), "again: the same two posts");
        }
        assertEquals(List.of("manadsmote-samverkan-for-klientens-basta", "att-gastspela-som-chef"),
                ApiAsserts.slugs(http.get("/api/posts").json().path("items")));
        assertEquals(1, ApiAsserts.tagCount(http, "frivard"));
        String page = http.get("/posts/manadsmote-samverkan-for-klientens-basta").body();
        assertEquals(true, page.contains("<figcaption>Deltagarna vid mötesbordet. Foto: Åsa Öberg</figcaption>"));
    }
}
