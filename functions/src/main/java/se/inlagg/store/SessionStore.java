package se.inlagg.store;

import java.time.Instant;
import java.util.Optional;

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
        table.client().putItem(r -> r.tableName(table.name()).item(Item.builder()
                .key(Keys.session(idSha256), Keys.SESSION_SK)
                .s(AUTHOR_ID, session.authorId())
                .s(CSRF, session.csrf())
                .n(Keys.EXPIRES_AT, session.expiresAt().getEpochSecond())
                .build()));
    }

    public Optional<StoredSession> find(String idSha256, Instant now) {
        return table.get(Keys.session(idSha256), Keys.SESSION_SK)
                .map(d -> new StoredSession(d.string(AUTHOR_ID), d.string(CSRF), Instant.ofEpochSecond(d.number(Keys.EXPIRES_AT))))
                .filter(s -> s.expiresAt().isAfter(now));
    }

    public void delete(String idSha256) {
        table.client().deleteItem(r -> r.tableName(table.name()).key(Table.key(Keys.session(idSha256), Keys.SESSION_SK)));
    }
}
