package se.inlagg.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Ids;
import se.inlagg.posts.SiteTime;

/** Authors, their profiles and their tokens. It sees only a token's SHA-256, never the token itself. */
public final class AuthorStore {

    static final String NAME = "name";
    static final String ROLE = "role";
    static final String OFFICE = "office";
    static final String AUTHOR_ID = "authorId";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    private final Table table;
    private final Transactions transactions;

    public AuthorStore(Table table, Transactions transactions) {
        this.table = table;
        this.transactions = transactions;
    }

    /** Creates an author and its first token in one transaction; empty when the token is taken. */
    public Optional<String> createAuthor(Byline profile, String tokenSha256, Instant now) {
        String id = Ids.newId();
        String at = SiteTime.format(now);
        var author = Item.builder().key(Keys.author(id), Keys.AUTHOR_SK)
                .s(NAME, profile.name()).s(ROLE, profile.role()).s(OFFICE, profile.office())
                .s(CREATED_AT, at).s(UPDATED_AT, at).build();
        var token = Item.builder().key(Keys.token(tokenSha256), Keys.TOKEN_SK)
                .s(AUTHOR_ID, id).s(CREATED_AT, at).build();
        var result = transactions.write(List.of(table.putIfAbsent(author), table.putIfAbsent(token)));
        return result instanceof Transactions.Result.Committed ? Optional.of(id) : Optional.empty();
    }

    /** The author id a token hash belongs to: one read of one item. */
    public Optional<String> authorIdOf(String tokenSha256) {
        return table.get(Keys.token(tokenSha256), Keys.TOKEN_SK).map(d -> d.string(AUTHOR_ID));
    }

    /** The name, role and office an author writes under by default. */
    public Optional<Byline> profile(String authorId) {
        return table.get(Keys.author(authorId), Keys.AUTHOR_SK)
                .map(d -> new Byline(d.string(NAME), d.text(ROLE), d.text(OFFICE)));
    }

    /** Replaces an author's profile; false when there is no such author. An empty role or office is removed. */
    public boolean saveProfile(String authorId, Byline profile, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":name", Item.s(profile.name()));
        values.put(":at", Item.s(SiteTime.format(now)));
        List<String> sets = new ArrayList<>(List.of("#name = :name", "#at = :at"));
        List<String> removes = new ArrayList<>();
        profile.role().ifPresentOrElse(r -> {
            values.put(":role", Item.s(r));
            sets.add("#role = :role");
        }, () -> removes.add("#role"));
        profile.office().ifPresentOrElse(o -> {
            values.put(":office", Item.s(o));
            sets.add("#office = :office");
        }, () -> removes.add("#office"));
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        try {
            table.client().updateItem(r -> r.tableName(table.name()).key(Table.key(Keys.author(authorId), Keys.AUTHOR_SK))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#name", NAME, "#role", ROLE, "#office", OFFICE, "#at", UPDATED_AT))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
