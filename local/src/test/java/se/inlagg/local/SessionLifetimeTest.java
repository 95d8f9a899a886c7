package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import se.inlagg.auth.Sessions;
import se.inlagg.store.AuthorStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A signed-in author's session ends eight hours after sign-in, whatever the table still holds: DynamoDB's TTL deletes
 * an expired item only when it gets round to it (up to days later), so a cookie that is read after its time must find
 * no session.
 */
class SessionLifetimeTest extends ServerTest {

    @Test
    void aSessionIsNoLongerFoundOnceItsEightHoursArePast() {
        try (DynamoDbClient real = env.server.dynamoClient()) {
            Sessions sessions = env.wiredTo(real).sessions();
            Instant signedIn = Instant.now();
            var started = sessions.signIn(ServerExtension.TOKEN, signedIn).orElseThrow();
            assertEquals(Duration.ofHours(8), Duration.between(signedIn, started.session().expiresAt()));
            assertTrue(sessions.find(started.id(), signedIn.plus(Duration.ofHours(8)).minusSeconds(60)).isPresent(),
                    "still signed in a minute before the eight hours are up");
            assertTrue(sessions.find(started.id(), signedIn.plus(Duration.ofHours(8))).isEmpty(),
                    "signed out when the eight hours are up, though the table still holds the session");
            assertTrue(sessions.find(started.id(), signedIn.plus(Duration.ofDays(3))).isEmpty(),
                    "and days later, before TTL has deleted it");
        }
    }

    /**
     * A sign-in reads the token, then saves the session: a revocation that deletes the token between the two leaves no
     * session behind, or the author it locks out would stay signed in for eight hours.
     */
    @Test
    void aSignInRacingARevocationOfItsTokenBeginsNoSession() {
        String token = "kapplopning-" + UUID.randomUUID();
        AuthorBrowser.newAuthor(env.server, "Rita Race", token);
        try (DynamoDbClient real = env.server.dynamoClient()) {
            var plain = env.wiredTo(real);
            String id = plain.authors().authenticate("Bearer " + token).orElseThrow();
            // The revocation runs just before the sign-in's one write, after its read of the token.
            var revoked = new AtomicReference<AuthorStore.Revoked>();
            DynamoDbClient racing = Intercepted.of(DynamoDbClient.class, real)
                    .beforeTheFirst("transactWriteItems", () -> revoked.set(plain.authors().revoke(id))).client();
            assertTrue(env.wiredTo(racing).sessions().signIn(token, Instant.now()).isEmpty(), "no session begun");
            assertTrue(revoked.get() != null, "the revocation ran");
            var listed = AuthorListEndToEndTest.listed(plain.authors().all(Instant.now()), id);
            assertEquals(0, listed.sessions(), "none left behind: " + listed);
        }
    }

    /**
     * A sign-in that saved its session after the revocation read what the author holds, and before it deleted their token,
     * is ended by the same revocation: the author it locks out is not left signed in for eight hours.
     */
    @Test
    void aSessionBegunWhileItsAuthorIsRevokedIsEndedToo() {
        String token = "under-aterkallelsen-" + UUID.randomUUID();
        AuthorBrowser.newAuthor(env.server, "Mia Mitt", token);
        try (DynamoDbClient real = env.server.dynamoClient()) {
            var plain = env.wiredTo(real);
            String id = plain.authors().authenticate("Bearer " + token).orElseThrow();
            var begun = new AtomicReference<String>();
            DynamoDbClient racing = Intercepted.of(DynamoDbClient.class, real).beforeTheFirst("transactWriteItems",
                    () -> begun.set(plain.sessions().signIn(token, Instant.now()).orElseThrow().id())).client();
            var revoked = env.wiredTo(racing).authors().revoke(id);
            assertTrue(begun.get() != null, "the sign-in ran");
            assertTrue(plain.sessions().find(begun.get(), Instant.now()).isEmpty(), "the session begun meanwhile has ended");
            assertEquals(1, revoked.sessions(), revoked.toString());
            assertTrue(plain.authors().authenticate("Bearer " + token).isEmpty());
        }
    }
}
