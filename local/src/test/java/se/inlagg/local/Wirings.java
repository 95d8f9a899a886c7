package se.inlagg.local;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The application's own services on a table, as a test makes them to seed, race or read behind the server's back: the
 * site in Stockholm's time, as the local server runs it, and the system's clock unless the test gives one.
 */
final class Wirings {

    static final ZoneId SITE_ZONE = ZoneId.of("Europe/Stockholm");

    private Wirings() {
    }

    static Settings settings(String table) {
        return new Settings(table, SITE_ZONE);
    }

    /** With an author's write allowance of this many capacity units an hour, in place of the deployed one. */
    static Settings settings(String table, long unitsPerHour) {
        return new Settings(table, SITE_ZONE, Optional.empty(), Optional.empty(), unitsPerHour);
    }

    static Wiring on(DynamoDbClient client, String table) {
        return on(client, table, Clock.systemUTC());
    }

    static Wiring on(DynamoDbClient client, String table, Clock clock) {
        return new Wiring(client, settings(table), clock);
    }
}
