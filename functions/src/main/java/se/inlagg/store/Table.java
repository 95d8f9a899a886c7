package se.inlagg.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one table and its clients, built once per container. Items are schemaless documents:
 * a document schema needs no bean reflection at cold start, and one table holds many kinds of item.
 */
public final class Table {

    static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), Keys.PK, AttributeValueType.S)
            .addIndexSortKey(TableMetadata.primaryIndexName(), Keys.SK, AttributeValueType.S)
            .addIndexPartitionKey(Keys.GSI1, Keys.GSI1PK, AttributeValueType.S)
            .addIndexSortKey(Keys.GSI1, Keys.GSI1SK, AttributeValueType.S)
            .addIndexPartitionKey(Keys.GSI2, Keys.GSI2PK, AttributeValueType.S)
            .addIndexSortKey(Keys.GSI2, Keys.GSI2SK, AttributeValueType.S)
            .attributeConverterProviders(List.of(AttributeConverterProvider.defaultProvider()))
            .build();

    private final String name;
    private final DynamoDbClient client;
    private final DynamoDbTable<EnhancedDocument> table;

    public Table(String name, DynamoDbClient client) {
        this.name = name;
        this.client = client;
        this.table = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build().table(name, SCHEMA);
    }

    /**
     * A client configured the standard way (region, credentials chain, AWS_ENDPOINT_URL_DYNAMODB),
     * so anything that runs a handler as Lambda does can point it at DynamoDB Local.
     */
    public static DynamoDbClient standardClient() {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    String name() {
        return name;
    }

    DynamoDbClient client() {
        return client;
    }

    DynamoDbTable<EnhancedDocument> documents() {
        return table;
    }

    Optional<EnhancedDocument> get(String pk, String sk) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(key(pk, sk)).consistentRead(true).build()));
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
        return TransactWriteItem.builder().delete(software.amazon.awssdk.services.dynamodb.model.Delete.builder()
                .tableName(name)
                .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))
                .conditionExpression("#a = :v")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":v", value))
                .build()).build();
    }

    TransactWriteItem delete(String pk, String sk) {
        return TransactWriteItem.builder().delete(software.amazon.awssdk.services.dynamodb.model.Delete.builder()
                .tableName(name).key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))
                .build()).build();
    }

    static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }
}
