package se.inlagg.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import se.inlagg.ops.SnapshotSafeJitter;
import se.inlagg.ops.Trace;
import se.inlagg.ops.WithinTheInvocation;
import se.inlagg.posts.Backoff;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The one table and its client, built once per container, with the few shapes of request every
 * store needs: a consistent get (itself a Query), a batch get, a page of a query, and the
 * conditioned writes that go into transactions.
 */
public final class Table {

    /** BatchGetItem takes at most 100 keys per call. */
    static final int BATCH_GET_LIMIT = 100;
    /**
     * How long a BatchGetItem may keep getting nothing but unprocessed keys back before the read
     * gives up as throttled (a reader then gets "busy, try again", not a page that hangs).
     */
    static final Duration UNPROCESSED_BUDGET = Duration.ofSeconds(2);

    /**
     * Items this request read ahead in one BatchGetItem ({@link #readingAhead}), by table and key (table
     * name, partition key, sort key): each is taken by the first {@link #get} or {@link #getAll} of its key,
     * found or not, in place of a call.
     * Scoped to the thread that does the request's work, so concurrent requests (the local server) never
     * see each other's, and gone when the work ends.
     */
    private static final ScopedValue<Map<List<String>, Optional<Item>>> AHEAD = ScopedValue.newInstance();

    private final String name;
    private final Supplier<DynamoDbClient> client;
    private final Duration unprocessedBudget;

    public Table(String name, DynamoDbClient client) {
        this(name, () -> client);
    }

    /**
     * With the client made on first use: building one weighs on a cold start (docs/PERFORMANCE.md), and some
     * functions that hold a table never call it (search, a page read without a session).
     */
    public Table(String name, Supplier<DynamoDbClient> client) {
        this(name, client, UNPROCESSED_BUDGET);
    }

    Table(String name, Supplier<DynamoDbClient> client, Duration unprocessedBudget) {
        this.name = name;
        this.client = client;
        this.unprocessedBudget = unprocessedBudget;
    }

    /**
     * A client configured the standard way (region, credentials chain, AWS_ENDPOINT_URL_DYNAMODB),
     * so anything that runs a handler as Lambda does can point it at a local DynamoDB.
     */
    public static DynamoDbClient standardClient() {
        return configured(DynamoDbClient.builder()).build();
    }

    /** The same, with credentials already resolved (the command line's --aws checks them before any request). */
    public static DynamoDbClient standardClient(AwsCredentialsProvider credentials) {
        return configured(DynamoDbClient.builder()).credentialsProvider(credentials).build();
    }

    /** The attempts of a DynamoDB call the SDK makes by default (DynamoDbRetryPolicy): the first and 8 retries. */
    static final int DYNAMODB_ATTEMPTS = 9;

    /** What the functions' client of the table is made with, wherever its region, credentials and endpoint come from. */
    static DynamoDbClientBuilder configured(DynamoDbClientBuilder builder) {
        return builder
                .httpClient(UrlConnectionHttpClient.create())
                .accountIdEndpointMode(AccountIdEndpointMode.DISABLED)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new UnstreamedBodies()).addExecutionInterceptor(new Trace())
                        .addExecutionInterceptor(new WithinTheInvocation())
                        // The SDK's retries as it sets them for DynamoDB (attempts, conditions, waits), their waits drawn so
                        // that copies restored from one SnapStart snapshot do not wait alike. Its 9 attempts said again: a
                        // strategy changed here starts from the SDK's general one, of 4.
                        .retryStrategy(r -> r.maxAttempts(DYNAMODB_ATTEMPTS).backoffStrategy(SnapshotSafeJitter.DYNAMODB)
                                .throttlingBackoffStrategy(SnapshotSafeJitter.DYNAMODB_THROTTLED)));
    }

    String name() {
        return name;
    }

    DynamoDbClient client() {
        return client.get();
    }

    /**
     * One item by its whole key, consistently. A Query naming the whole key rather than a GetItem:
     * the same item, capacity and latency, and every read path then goes through the one operation
     * the lists already use, so a function that does both loads and warms up one request shape,
     * not two (fewer classes at the cold start of the post page, GetPost or a create).
     * No function is granted GetItem.
     */
    Optional<Item> get(String pk, String sk) {
        if (AHEAD.isBound()) {
            Optional<Item> read = AHEAD.get().remove(aheadKey(pk, sk));
            if (read != null) {
                return read;
            }
        }
        var response = client().query(r -> r.tableName(name).keyConditionExpression("#pk = :pk AND #sk = :sk")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(pk), ":sk", Item.s(sk))).consistentRead(true));
        return response.items().stream().findFirst().map(Item::of);
    }

    /**
     * Single items by their whole keys, consistently, in the order asked: those read ahead are taken
     * (as {@link #get} takes them), the rest read in one BatchGetItem, none if every one was read ahead.
     */
    List<Optional<Item>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Optional<Item>> found = new ArrayList<>(keys.size());
        List<Map<String, AttributeValue>> missing = new ArrayList<>();
        for (var k : keys) {
            Optional<Item> ahead = AHEAD.isBound() ? AHEAD.get().remove(aheadKey(k)) : null;
            found.add(ahead);
            if (ahead == null) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            Map<List<String>, Item> read = new HashMap<>();
            batchGet(missing).forEach(item -> read.put(aheadKey(item.string(Keys.PK), item.string(Keys.SK)), item));
            for (int i = 0; i < keys.size(); i++) {
                if (found.get(i) == null) {
                    found.set(i, Optional.ofNullable(read.get(aheadKey(keys.get(i)))));
                }
            }
        }
        return found;
    }

    /**
     * Does {@code work} with these items read first, consistently, in one BatchGetItem ({@link #getAll}): a
     * request that knows it will read several single items one after another (an author's session, then
     * the post the page changes by its slug) pays one call for them instead of one each. The first
     * {@link #get} or {@link #getAll} of each key inside takes what was read; a second reads the table
     * again, so a write that reads anew after a conflict sees the item as it is then.
     */
    <T> T readingAhead(List<Map<String, AttributeValue>> keys, Supplier<T> work) {
        List<Optional<Item>> items = getAll(keys);
        Map<List<String>, Optional<Item>> read = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            read.put(aheadKey(keys.get(i)), items.get(i));
        }
        return ScopedValue.where(AHEAD, read).call(work::get);
    }

    /** Whether this request read items ahead ({@link #readingAhead}), which a read of them should take. */
    boolean readsAhead() {
        return AHEAD.isBound();
    }

    /** Drops an item read ahead, if it was, so the next read of its key goes to the table. */
    void forgetAhead(Map<String, AttributeValue> key) {
        if (AHEAD.isBound()) {
            AHEAD.get().remove(aheadKey(key));
        }
    }

    private List<String> aheadKey(Map<String, AttributeValue> key) {
        return aheadKey(key.get(Keys.PK).s(), key.get(Keys.SK).s());
    }

    /** An item's place among those read ahead: this table's name and the item's key. */
    private List<String> aheadKey(String pk, String sk) {
        return List.of(name, pk, sk);
    }

    /**
     * Consistent reads of many keys. DynamoDB hands back the keys it did not read (throttled, or over
     * 16 MB in one answer), which are asked again after a jittered pause, as AWS asks of a batch: asked
     * again at once, a throttled table would only be throttled harder. A round that read something
     * starts the pauses afresh (a large read goes on); rounds that read nothing for up to
     * {@link #UNPROCESSED_BUDGET} end in the SDK's throttling exception, which a function answers as busy.
     */
    List<Item> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Item> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> pending = Map.of(name, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT))).consistentRead(true).build());
            Backoff backoff = Backoff.within(unprocessedBudget);
            while (!pending.isEmpty()) {
                var request = pending;
                var response = client().batchGetItem(r -> r.requestItems(request));
                List<Map<String, AttributeValue>> read = response.responses().getOrDefault(name, List.of());
                read.forEach(i -> found.add(Item.of(i)));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (pending.isEmpty()) {
                    break;
                }
                if (!read.isEmpty()) {
                    backoff = Backoff.within(unprocessedBudget);
                }
                if (!backoff.pause()) {
                    throw unprocessed(backoff.attempts());
                }
            }
        }
        return found;
    }

    private static ProvisionedThroughputExceededException unprocessed(int rounds) {
        return busy("BatchGetItem left keys unprocessed " + rounds + " times in a row");
    }

    /** DynamoDB's own throttling exception, which a function answers as busy (503, Retry-After), as it answers the SDK's. */
    static ProvisionedThroughputExceededException busy(String message) {
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .serviceName("DynamoDb").errorMessage(message).build())
                .build();
    }

    QueryResponse query(QueryRequest.Builder request) {
        return client().query(request.tableName(name).build());
    }

    /** Every item the Query finds, page after page (DynamoDB answers at most 1 MB a call). */
    List<Map<String, AttributeValue>> queryAll(QueryRequest.Builder request) {
        return queryUpTo(request, Integer.MAX_VALUE);
    }

    /**
     * The first {@code most} items the Query finds (all of them, if fewer), page after page: DynamoDB stops a call at 1 MB
     * read, some three items of a long post's text, however few were asked for. Each call asks for what is still
     * missing; with no bound ({@code Integer.MAX_VALUE}) none is asked, as {@link #queryAll} reads.
     */
    List<Map<String, AttributeValue>> queryUpTo(QueryRequest.Builder request, int most) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            if (most != Integer.MAX_VALUE) {
                request.limit(most - items.size());
            }
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = query(request);
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && items.size() < most);
        return items;
    }

    TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(name).item(item).build()).build();
    }

    /** A put that fails the transaction when the item exists: how claims and creations stay unique. */
    TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(name)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .build()).build();
    }

    /** A put that fails the transaction unless the stored item's attribute still has this value. */
    TransactWriteItem putIfEquals(Map<String, AttributeValue> item, String attribute, AttributeValue value) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(name)
                .item(item)
                .conditionExpression("#a = :v")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":v", value))
                .build()).build();
    }

    /** A delete that fails the transaction unless the item's attribute still has this value. */
    TransactWriteItem deleteIfEquals(String pk, String sk, String attribute, AttributeValue value) {
        return TransactWriteItem.builder().delete(Delete.builder()
                .tableName(name)
                .key(key(pk, sk))
                .conditionExpression("#a = :v")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":v", value))
                .build()).build();
    }

    /** A check, writing nothing, that fails the transaction unless the item exists. */
    TransactWriteItem exists(String pk, String sk) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(name)
                .key(key(pk, sk))
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .build()).build();
    }

    TransactWriteItem delete(String pk, String sk) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(name).key(key(pk, sk)).build()).build();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>(2);
        key.put(Keys.PK, AttributeValue.fromS(pk));
        key.put(Keys.SK, AttributeValue.fromS(sk));
        return key;
    }
}
