package se.inlagg.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sign-in sessions, by the SHA-256 of their id; they expire by TTL, and are checked for expiry on read. */
public final class SessionStore {

    static final String AUTHOR_ID = "authorId";
    static final String CSRF = "csrf";

    /** A stored session: whose it is, its CSRF token and when it ends. */
    public record StoredSession(String authorId, String csrf, Instant expiresAt) {
    }

    private final Table table;

    public SessionStore(Table table) {
        this.table = table;
    }

    public void save(String idSha256, StoredSession session) {
        table.client().putItem(r -> r.tableName(table.name()).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.session(idSha256)),
                Keys.SK, AttributeValue.fromS(Keys.SESSION_SK),
                AUTHOR_ID, AttributeValue.fromS(session.authorId()),
                CSRF, AttributeValue.fromS(session.csrf()),
                Keys.EXPIRES_AT, AttributeValue.fromN(Long.toString(session.expiresAt().getEpochSecond())))));
    }

    public Optional<StoredSession> find(String idSha256, Instant now) {
        return table.get(Keys.session(idSha256), Keys.SESSION_SK)
                .map(d -> new StoredSession(d.getString(AUTHOR_ID), d.getString(CSRF),
                        Instant.ofEpochSecond(d.getNumber(Keys.EXPIRES_AT).longValue())))
                .filter(s -> s.expiresAt().isAfter(now));
    }

    public void delete(String idSha256) {
        table.client().deleteItem(r -> r.tableName(table.name()).key(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.session(idSha256)), Keys.SK, AttributeValue.fromS(Keys.SESSION_SK))));
    }
}
