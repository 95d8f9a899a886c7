package se.inlagg.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.posts.Ids;
import se.inlagg.posts.SiteTime;

/** Authors and their tokens. It sees only a token's SHA-256, never the token itself. */
public final class AuthorStore {

    static final String NAME = "name";
    static final String AUTHOR_ID = "authorId";
    static final String CREATED_AT = "createdAt";

    private final Table table;
    private final Transactions transactions;

    public AuthorStore(Table table, Transactions transactions) {
        this.table = table;
        this.transactions = transactions;
    }

    /** Creates an author and its first token in one transaction; empty when the token is taken. */
    public Optional<String> createAuthor(String name, String tokenSha256, Instant now) {
        String id = Ids.newId();
        String at = SiteTime.format(now);
        var author = Map.of(
                Keys.PK, TagItems.s(Keys.author(id)), Keys.SK, TagItems.s(Keys.AUTHOR_SK),
                NAME, TagItems.s(name), CREATED_AT, TagItems.s(at));
        var token = Map.of(
                Keys.PK, TagItems.s(Keys.token(tokenSha256)), Keys.SK, TagItems.s(Keys.TOKEN_SK),
                AUTHOR_ID, TagItems.s(id), CREATED_AT, TagItems.s(at));
        boolean written = transactions.write(List.of(table.putIfAbsent(author), table.putIfAbsent(token))).committed();
        return written ? Optional.of(id) : Optional.empty();
    }

    /** The author id a token hash belongs to: one GetItem. */
    public Optional<String> authorIdOf(String tokenSha256) {
        return table.get(Keys.token(tokenSha256), Keys.TOKEN_SK).map(d -> d.getString(AUTHOR_ID));
    }
}
