package se.inlagg.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Sign-in sessions, by the SHA-256 of their id; they expire by TTL, and are checked for expiry on read. Each
 * is recorded under its author too ({@link AuthorStore#held}), so that revoking an author ends their
 * sessions without a Scan; the two are written and deleted together.
 */
public final class SessionStore {

    static final String AUTHOR_ID = "authorId";
    static final String CSRF = "csrf";
    /**
     * Marks a session recorded under its author. One saved before sessions were has no record, so revoking its
     * author would not find it: it is not taken, and its author signs in once more.
     */
    static final String RECORDED = "recorded";

    /** A stored session: whose it is, its CSRF token and when it ends. */
    public record StoredSession(String authorId, String csrf, Instant expiresAt) {
    }

    private final Table table;
    private final Transactions transactions;

    public SessionStore(Table table, Transactions transactions) {
        this.table = table;
        this.transactions = transactions;
    }

    /**
     * Saves a new session, and with a token's hash only while that token exists (signing in races a revocation
     * of it: {@link AuthorStore#revoke}); false when it no longer does. Busy, as DynamoDB's throttling, when it cannot.
     */
    public boolean save(String idSha256, StoredSession session, Optional<String> tokenSha256) {
        long expires = session.expiresAt().getEpochSecond();
        var item = Item.builder()
                .key(Keys.session(idSha256), Keys.SESSION_SK)
                .s(AUTHOR_ID, session.authorId())
                .s(CSRF, session.csrf())
                .n(Keys.EXPIRES_AT, expires)
                .n(RECORDED, 1)
                .build();
        var held = AuthorStore.held(session.authorId(), Keys.session(idSha256)).n(Keys.EXPIRES_AT, expires).build();
        // A random 256-bit id is never taken; the conditions keep it so even for an id chosen by the caller.
        List<TransactWriteItem> writes = new ArrayList<>(List.of(table.putIfAbsent(item), table.putIfAbsent(held)));
        int tokenCheck = writes.size();
        tokenSha256.ifPresent(t -> writes.add(table.exists(Keys.token(t), Keys.TOKEN_SK)));
        return switch (transactions.writeOrBusy(writes)) {
            case Transactions.Result.Committed c -> true;
            case Transactions.Result.ConditionsFailed f when f.operations().equals(Set.of(tokenCheck)) -> false;
            default -> throw new IllegalStateException("a session id that is taken: " + idSha256.substring(0, 12));
        };
    }

    public Optional<StoredSession> find(String idSha256, Instant now) {
        return table.get(Keys.session(idSha256), Keys.SESSION_SK)
                .filter(d -> d.has(RECORDED))
                .map(d -> new StoredSession(d.string(AUTHOR_ID), d.string(CSRF), Instant.ofEpochSecond(d.number(Keys.EXPIRES_AT))))
                .filter(s -> s.expiresAt().isAfter(now));
    }

    /** Ends a session, and its record under its author (a session saved before there were such records has none). */
    public void delete(String idSha256, String authorId) {
        transactions.writeOrBusy(List.of(table.delete(Keys.session(idSha256), Keys.SESSION_SK),
                table.delete(Keys.author(authorId), Keys.session(idSha256))));
    }
}
