package se.inlagg.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Ids;
import se.inlagg.posts.SiteTime;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Authors, their profiles and their tokens. It sees only a token's SHA-256, never the token itself. */
public final class AuthorStore {

    static final String NAME = "name";
    static final String ROLE = "role";
    static final String OFFICE = "office";
    static final String AUTHOR_ID = "authorId";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** A transaction takes 100 items: 50 tokens or sessions, each with its record. */
    static final int MAX_DELETES = 100;

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
                .s(CREATED_AT, at).s(UPDATED_AT, at)
                .s(Keys.GSI1PK, Keys.AUTHORS).s(Keys.GSI1SK, id).s(AUTHOR_ID, id).build();
        var writes = new ArrayList<>(List.of(table.putIfAbsent(author)));
        writes.addAll(tokenWrites(id, tokenSha256, at));
        return transactions.writeOrBusy(writes) instanceof Transactions.Result.Committed ? Optional.of(id) : Optional.empty();
    }

    /** Gives an existing author another token; false when there is no such author or the token is taken. */
    public boolean addToken(String authorId, String tokenSha256, Instant now) {
        String at = SiteTime.format(now);
        var writes = new ArrayList<>(List.of(table.exists(Keys.author(authorId), Keys.AUTHOR_SK)));
        writes.addAll(tokenWrites(authorId, tokenSha256, at));
        return transactions.writeOrBusy(writes) instanceof Transactions.Result.Committed;
    }

    /** What revoking took away: tokens and sessions, each found by its record under the author. */
    public record Revoked(int tokens, int sessions, boolean stillSigningIn) {
    }

    /**
     * Passes of {@link #revoke} before it stops: each after the first finds only sessions begun during the one
     * before, which a recorded token cannot begin once deleted. Sessions still appearing after these come from a
     * token that is not recorded (made before records were), in use now: {@link Revoked#stillSigningIn}.
     */
    static final int MAX_PASSES = 5;

    /**
     * Takes every token and session away from an author, so that neither the API nor a signed-in page lets
     * them in again: the tokens and sessions recorded under the author ({@link #held}), found by one Query of
     * the author's partition, each deleted with its record, up to 50 of them a transaction. The author and
     * their posts stay. Run again, it finds nothing more to do.
     */
    public Revoked revoke(String authorId) {
        return revoke(authorId, Optional.empty());
    }

    /**
     * As {@link #revoke(String)}, and this token of theirs too, if it is not recorded under them (made before
     * tokens were): found by the token itself.
     */
    public Revoked revoke(String authorId, Optional<String> tokenSha256) {
        Set<String> found = new LinkedHashSet<>();
        tokenSha256.map(Keys::token).ifPresent(found::add);
        found.addAll(heldBy(authorId));
        int tokens = 0;
        int sessions = 0;
        // A session begins only while its token exists (SessionStore.save), and each pass deletes the tokens first,
        // so a sign-in that saved its session while this read is found by the next pass, and the passes end.
        int passes = 0;
        while (!found.isEmpty() && passes++ < MAX_PASSES) {
            List<String> tokensFirst = found.stream().sorted(Comparator.comparing((String sk) -> !isToken(sk))).toList();
            List<TransactWriteItem> deletes = new ArrayList<>();
            for (String sk : tokensFirst) {
                boolean token = isToken(sk);
                // The record's sort key is the item's partition key (TOKEN#…, SESSION#…), so each names what it stands for.
                deletes.add(table.delete(sk, token ? Keys.TOKEN_SK : Keys.SESSION_SK));
                deletes.add(table.delete(Keys.author(authorId), sk));
                if (token) {
                    tokens++;
                } else {
                    sessions++;
                }
                if (deletes.size() == MAX_DELETES) {
                    transactions.writeOrBusy(List.copyOf(deletes));
                    deletes.clear();
                }
            }
            if (!deletes.isEmpty()) {
                transactions.writeOrBusy(deletes);
            }
            found = heldBy(authorId);
        }
        return new Revoked(tokens, sessions, !found.isEmpty());
    }

    /** The sort keys of the tokens and sessions recorded under the author. */
    private Set<String> heldBy(String authorId) {
        Set<String> held = new LinkedHashSet<>();
        recordsOf(authorId).forEach(r -> held.add(r.string(Keys.SK)));
        return held;
    }

    /** The records of the tokens and sessions under the author, read consistently, page by page. */
    private List<Item> recordsOf(String authorId) {
        return table.queryAll(QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK))
                        .expressionAttributeValues(Map.of(":pk", Item.s(Keys.author(authorId))))
                        .consistentRead(true))
                .stream().map(Item::of)
                .filter(r -> isToken(r.string(Keys.SK)) || r.string(Keys.SK).startsWith(Keys.session(""))).toList();
    }

    /** Whether a record's sort key names a token (TOKEN#…), not a session. */
    private static boolean isToken(String sk) {
        return sk.startsWith(Keys.token(""));
    }

    /**
     * An item under the author's own partition whose sort key is the partition key of a token or session of
     * theirs ({@code TOKEN#…}, {@code SESSION#…}): how {@link #revoke} finds them all with one Query, never a Scan.
     */
    static Item.Builder held(String authorId, String itemKey) {
        return Item.builder().key(Keys.author(authorId), itemKey);
    }

    /** A new token of the author's and its record under them, each only if it is not there yet. */
    private List<TransactWriteItem> tokenWrites(String authorId, String tokenSha256, String at) {
        return List.of(
                table.putIfAbsent(Item.builder().key(Keys.token(tokenSha256), Keys.TOKEN_SK).s(AUTHOR_ID, authorId).s(CREATED_AT, at).build()),
                table.putIfAbsent(held(authorId, Keys.token(tokenSha256)).s(CREATED_AT, at).build()));
    }

    /** An author as the list of every author shows them: who, since when, and how many ways in they hold now. */
    public record Listed(String id, Byline profile, String createdAt, int tokens, int sessions) {
    }

    /**
     * Every author (an operator looking for the id of someone who left): the ids from one Query of their list on GSI1,
     * and, for authors made before that list was, who are not in it until they save their profile (someone who has left
     * saves none), the authors of every published post, from the feed's partition of GSI1, page
     * by page; then their items read by key in one BatchGetItem a hundred, and what each holds now by one Query of their
     * own partition. An author made before the list who has published nothing is not found. In no particular order.
     */
    public List<Listed> all(Instant now) {
        Set<String> ids = new LinkedHashSet<>();
        idsIn(Keys.AUTHORS, Keys.GSI1SK).forEach(ids::add);
        idsIn(Keys.FEED, AUTHOR_ID).forEach(ids::add);
        List<Listed> all = new ArrayList<>(ids.size());
        for (Optional<Item> read : table.getAll(ids.stream().map(id -> Table.key(Keys.author(id), Keys.AUTHOR_SK)).toList())) {
            // A post's author deleted by hand, or one the index still showed after that: simply not there.
            read.ifPresent(author -> {
                String id = Keys.authorIdOf(author.string(Keys.PK));
                List<Item> records = recordsOf(id);
                int tokens = (int) records.stream().filter(r -> isToken(r.string(Keys.SK))).count();
                // A session's record outlives it until TTL takes it (within days): only those still running count.
                int sessions = (int) records.stream().filter(r -> r.string(Keys.SK).startsWith(Keys.session(""))
                        && r.number(Keys.EXPIRES_AT) > now.getEpochSecond()).count();
                all.add(new Listed(id, new Byline(author.string(NAME), author.text(ROLE), author.text(OFFICE)),
                        author.text(CREATED_AT).orElse(""), tokens, sessions));
            });
        }
        return all;
    }

    /** The author ids one GSI1 partition names, in the attribute given, read page by page with nothing else. */
    private List<String> idsIn(String partition, String attribute) {
        return table.queryAll(QueryRequest.builder()
                        .indexName(Keys.GSI1)
                        .keyConditionExpression("#pk = :pk")
                        .projectionExpression("#id")
                        .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#id", attribute))
                        .expressionAttributeValues(Map.of(":pk", Item.s(partition))))
                .stream().map(i -> i.get(attribute)).filter(v -> v != null && v.s() != null).map(AttributeValue::s).toList();
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

    /**
     * Replaces an author's profile; false when there is no such author. An empty role or office is removed. It also
     * puts the author in the list of every author ({@link #all}), where an author made before that list was is not yet.
     */
    public boolean saveProfile(String authorId, Byline profile, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":name", Item.s(profile.name()));
        values.put(":at", Item.s(SiteTime.format(now)));
        values.put(":authors", Item.s(Keys.AUTHORS));
        values.put(":id", Item.s(authorId));
        List<String> sets = new ArrayList<>(List.of("#name = :name", "#at = :at", "#lpk = :authors", "#lsk = :id", "#aid = :id"));
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
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#name", NAME, "#role", ROLE, "#office", OFFICE, "#at", UPDATED_AT,
                            "#lpk", Keys.GSI1PK, "#lsk", Keys.GSI1SK, "#aid", AUTHOR_ID))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
