package se.inlagg.local;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Creates the template's table, keys, indexes and stream exactly as declared, so tests run against the real shape. */
final class TableFromTemplate {

    private TableFromTemplate() {
    }

    static String tableName(Template template) {
        var table = template.table();
        Object name = Template.map(table.getValue().get("Properties")).get("TableName");
        return name instanceof String s ? s : table.getKey();
    }

    /** Creates the table unless it is there already (a restart on the same data directory); true when it made it. */
    static boolean ensure(DynamoDbClient client, Template template) {
        return ensure(client, template, tableName(template));
    }

    /** The template's table under another name (tests on a shared endpoint each get their own); true when it made it. */
    static boolean ensure(DynamoDbClient client, Template template, String name) {
        return ensure(client, template, name, true);
    }

    /**
     * The same, optionally made without its stream (a benchmark seeds a large table first and turns the
     * stream on afterwards, as when a stream is added to a table that already has posts).
     */
    static boolean ensure(DynamoDbClient client, Template template, String name, boolean withStream) {
        return ensure(client, template, name, withStream, () -> {
        });
    }

    /**
     * The same, running {@code beforeCreating} once the table is known to be missing and before it is made: what must be
     * written down before a new table exists (the data folder's seeding mark: written after it, a kill between the two
     * would leave a table that owes its example posts and no mark saying so).
     */
    static boolean ensure(DynamoDbClient client, Template template, String name, boolean withStream, Runnable beforeCreating) {
        Map<String, Object> p = Template.map(template.table().getValue().get("Properties"));
        try {
            var existing = client.describeTable(r -> r.tableName(name)).table();
            // A data directory from before the table had a stream: turn it on, as CloudFormation would.
            Map<String, Object> wanted = Template.map(p.get("StreamSpecification"));
            if (withStream && wanted.get("StreamViewType") instanceof String viewType && existing.latestStreamArn() == null) {
                client.updateTable(r -> r.tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)));
            }
            return false;
        } catch (ResourceNotFoundException e) {
            // first start on this data directory
        }
        beforeCreating.run();
        var request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(list(p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(str(a, "AttributeName")).attributeType(str(a, "AttributeType")).build())
                        .toList())
                .keySchema(keys(p.get("KeySchema")));
        List<GlobalSecondaryIndex> indexes = list(p.get("GlobalSecondaryIndexes")).stream()
                .map(i -> {
                    Map<String, Object> projection = Template.map(i.get("Projection"));
                    var b = Projection.builder().projectionType(str(projection, "ProjectionType"));
                    if (projection.get("NonKeyAttributes") instanceof List<?> attrs) {
                        b.nonKeyAttributes(attrs.stream().map(String::valueOf).toList());
                    }
                    return GlobalSecondaryIndex.builder()
                            .indexName(str(i, "IndexName"))
                            .keySchema(keys(i.get("KeySchema")))
                            .projection(b.build())
                            .build();
                })
                .toList();
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        // In CloudFormation a StreamSpecification has only its view type; giving one turns the stream on.
        Map<String, Object> stream = Template.map(p.get("StreamSpecification"));
        if (withStream && stream.get("StreamViewType") instanceof String viewType) {
            request.streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType));
        }
        try {
            client.createTable(request.build());
        } catch (ResourceInUseException e) {
            return false; // made by another process a moment ago
        }
        Map<String, Object> ttl = Template.map(p.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
            client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(
                    t -> t.enabled(true).attributeName(str(ttl, "AttributeName"))));
        }
        return true;
    }

    private static List<KeySchemaElement> keys(Object schema) {
        return list(schema).stream()
                .map(k -> KeySchemaElement.builder().attributeName(str(k, "AttributeName")).keyType(str(k, "KeyType")).build())
                .toList();
    }

    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? l.stream().map(Template::map).toList() : List.of();
    }

    private static String str(Map<String, Object> m, String key) {
        return String.valueOf(m.get(key));
    }
}
