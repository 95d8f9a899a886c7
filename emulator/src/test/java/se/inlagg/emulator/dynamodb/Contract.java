package se.inlagg.emulator.dynamodb;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import se.inlagg.emulator.ContractEndpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Where the contract tests run: an in-memory emulator started once per test JVM, or the endpoint in
 * {@code -Demulator.contract.endpoint=http://…} (LocalStack, for example), with unique table names.
 */
final class Contract {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static URI endpoint;
    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streams;

    private Contract() {
    }

    static synchronized URI endpoint() {
        if (endpoint == null) {
            URI given = ContractEndpoint.given();
            if (given == null) {
                EmbeddedDynamoDb emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.inMemory());
                Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
                endpoint = emulator.endpoint();
            } else {
                endpoint = given;
            }
        }
        return endpoint;
    }

    static synchronized DynamoDbClient client() {
        if (client == null) {
            client = client(endpoint());
        }
        return client;
    }

    static DynamoDbClient client(URI at) {
        return configured(DynamoDbClient.builder(), at);
    }

    /** Any region and any static credentials: the emulator checks no signature. No retries, so every error shows. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configured(B builder, URI at) {
        return builder.endpointOverride(at)
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static synchronized DynamoDbStreamsClient streams() {
        if (streams == null) {
            streams = streams(endpoint());
        }
        return streams;
    }

    static DynamoDbStreamsClient streams(URI at) {
        return configured(DynamoDbStreamsClient.builder(), at);
    }

    /** An iterator on a table's current stream (one shard, as DynamoDB has for a small table). */
    static String shardIterator(DynamoDbClient db, DynamoDbStreamsClient streams, String table, ShardIteratorType type, String sequence) {
        String arn = db.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().getFirst().shardId();
        return streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(type).sequenceNumber(sequence)).shardIterator();
    }

    static String uniqueName(String base) {
        return base + "-" + RUN + "-" + TABLES.incrementAndGet();
    }

    /** The app's table shape: PK/SK, GSI1 (INCLUDE) and the sparse GSI2 (KEYS_ONLY), on demand. */
    static String createPostsTable(DynamoDbClient db, StreamViewType stream) {
        String name = uniqueName("inlagg");
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("PK"), attribute("SK"), attribute("GSI1PK"), attribute("GSI1SK"),
                        attribute("GSI2PK"), attribute("GSI2SK"))
                .keySchema(hash("PK"), range("SK"))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("GSI1").keySchema(hash("GSI1PK"), range("GSI1SK"))
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes("title", "status").build()).build(),
                        GlobalSecondaryIndex.builder().indexName("GSI2").keySchema(hash("GSI2PK"), range("GSI2SK"))
                                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build());
        if (stream != null) {
            b.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(stream).build());
        }
        db.createTable(b.build());
        return name;
    }

    static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    /** An item from name/value pairs: item("PK", s("a"), "n", n("1")). */
    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
        }
        return m;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return item("PK", s(pk), "SK", s(sk));
    }

    static <T> List<T> list(Iterable<T> items) {
        List<T> l = new ArrayList<>();
        items.forEach(l::add);
        return l;
    }
}
