package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.inlagg.auth.Sessions;
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
}
