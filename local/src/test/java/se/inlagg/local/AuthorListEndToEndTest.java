package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Byline;
import se.inlagg.store.AuthorStore;

/**
 * The list of every author that list-authors prints, read from the server's table as each backend answers it (the embedded
 * DynamoDB here, LocalStack in CI): GSI1's AUTHORS partition, the author items by key, and their tokens and sessions.
 * CommandLineTest runs the command itself, on the embedded table alone.
 */
class AuthorListEndToEndTest extends ServerTest {

    @Test
    void everyAuthorIsListedWithTheirBylineAndWhatTheyHold() {
        String token = "lista-" + UUID.randomUUID();
        AuthorBrowser.newAuthor(env.server, "Lisa Listsson", token);
        try (var client = env.server.dynamoClient()) {
            var wiring = env.wiredTo(client);
            String id = wiring.authors().authenticate("Bearer " + token).orElseThrow();
            String own = wiring.authors().authenticate("Bearer " + ServerExtension.TOKEN).orElseThrow();
            wiring.sessions().signIn(token, Instant.now()).orElseThrow();

            List<AuthorStore.Listed> all = wiring.authors().all(Instant.now());
            AuthorStore.Listed listed = all.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(all));
            assertEquals(new Byline("Lisa Listsson", Optional.of("Kriminalvårdare"), Optional.of("Anstalten Ystad")), listed.profile());
            assertEquals(1, listed.tokens());
            assertEquals(1, listed.sessions());
            assertTrue(all.stream().anyMatch(a -> a.id().equals(own)), "the server's own author too: " + all);
            assertEquals(all.size(), all.stream().map(AuthorStore.Listed::id).distinct().count(), "each once: " + all);
        }
    }

    /** An author who signs out holds that session no more: the list an operator reads before revoking them says so. */
    @Test
    void aSessionSignedOutIsNoLongerCounted() {
        String token = "utloggad-" + UUID.randomUUID();
        AuthorBrowser.newAuthor(env.server, "Ulla Utloggad", token);
        var browser = AuthorBrowser.signIn(http, token);
        try (var client = env.server.dynamoClient()) {
            var authors = env.wiredTo(client).authors();
            String id = authors.authenticate("Bearer " + token).orElseThrow();
            assertEquals(1, listed(authors.all(Instant.now()), id).sessions());
            assertEquals(303, browser.post("/signout", Map.of("csrf", browser.csrf)).status());
            assertEquals(0, listed(authors.all(Instant.now()), id).sessions(), "signed out");
            assertEquals(1, listed(authors.all(Instant.now()), id).tokens());
        }
    }

    /** new-token for an id no author has (a mistyped one) makes no token: it would let whoever holds it write as nobody. */
    @Test
    void noTokenIsMadeForAnIdNoAuthorHas() {
        try (var client = env.server.dynamoClient()) {
            var authors = env.wiredTo(client).authors();
            assertEquals(Optional.empty(), authors.newToken(UUID.randomUUID().toString(), Instant.now()));
        }
    }

    static AuthorStore.Listed listed(List<AuthorStore.Listed> all, String id) {
        return all.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(all));
    }
}
