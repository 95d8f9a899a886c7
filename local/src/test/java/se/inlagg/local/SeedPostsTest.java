package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;

class SeedPostsTest extends ServerTest {

    @Test
    void seedingMakesTheTwoExamplesOnceWhateverHowOftenItRuns() {
        try (var client = env.server.dynamoClient()) {
            var wiring = env.wiredTo(client);
            List<String> slugs = List.of("att-gastspela-som-chef", "manadsmote-samverkan-for-klientens-basta");
            assertEquals(slugs.stream().map(s -> new SeedPosts.Seeded(s, true)).toList(), SeedPosts.seed(wiring));
            assertEquals(slugs.stream().map(s -> new SeedPosts.Seeded(s, false)).toList(), SeedPosts.seed(wiring), "again: the same two posts");
            // After a day the examples' keys are forgotten: they must not be made again.
            var tomorrow = Wirings.on(client, env.server.tableName(), Clock.offset(Clock.systemUTC(), Duration.ofHours(25)));
            assertEquals(slugs.stream().map(s -> new SeedPosts.Seeded(s, false)).toList(), SeedPosts.seed(tomorrow), "a day later too");
            // An example deleted is added once more (under a new address: slugs are never given again), then left alone,
            // however many days later seeding runs again.
            var first = wiring.posts().get(slugs.getFirst(), Optional.of(SeedPosts.AUTHOR_ID));
            var post = ((Outcome.Done<Post>) first).value();
            assertEquals(Outcome.Done.class, wiring.posts().delete(post.slug(), Optional.empty(), SeedPosts.AUTHOR_ID).getClass());
            var again = SeedPosts.seed(tomorrow);
            assertEquals(List.of(new SeedPosts.Seeded("att-gastspela-som-chef-2", true), new SeedPosts.Seeded(slugs.get(1), false)), again);
            var twoDaysLater = Wirings.on(client, env.server.tableName(), Clock.offset(Clock.systemUTC(), Duration.ofHours(49)));
            assertEquals(List.of(new SeedPosts.Seeded("att-gastspela-som-chef-2", false), new SeedPosts.Seeded(slugs.get(1), false)),
                    SeedPosts.seed(twoDaysLater));
        }
        assertEquals(List.of("manadsmote-samverkan-for-klientens-basta", "att-gastspela-som-chef-2"),
                ApiAsserts.slugs(http.get("/api/posts").json().path("items")), "each example once");
        assertEquals(1, ApiAsserts.tagCount(http, "frivard"));
        String page = http.get("/posts/manadsmote-samverkan-for-klientens-basta").body();
        assertEquals(true, page.contains("<figcaption>Deltagarna vid mötesbordet. Foto: Åsa Öberg</figcaption>"));
    }
}
