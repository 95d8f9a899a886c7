package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The control plane: CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable and the TTL settings. Tables are ACTIVE at once. */
final class TableOperations {

    private final Database db;

    TableOperations(Database db) {
        this.db = db;
    }

    ObjectNode createTable(JsonNode r, String region) {
        return db.writing(() -> {
            TableDefinition definition = TableDefinition.fromJson(stripStored(r), region, db.now());
            if (db.tableOrNull(definition.name()) != null) {
                throw ServiceError.of("ResourceInUseException", "Table already exists: " + definition.name());
            }
            db.commit(List.of(new Mutation.TableWrite(definition)), null, null, null);
            return description("TableDescription", db.table(definition.name()), "ACTIVE");
        });
    }

    /** Fields only a stored definition may carry; a request cannot set them. */
    private static JsonNode stripStored(JsonNode r) {
        ObjectNode copy = r.deepCopy();
        copy.remove(List.of("Region", "StreamLabel", "TimeToLive", "CreationDateTime"));
        return copy;
    }

    ObjectNode describeTable(JsonNode r) {
        return db.reading(() -> description("Table", db.table(r.path("TableName").asText(null)), "ACTIVE"));
    }

    ObjectNode deleteTable(JsonNode r) {
        return db.writing(() -> {
            Table table = db.table(r.path("TableName").asText(null));
            ObjectNode answer = description("TableDescription", table, "DELETING");
            db.commit(List.of(new Mutation.TableDrop(table.definition().name())), null, null, null);
            return answer;
        });
    }

    ObjectNode listTables(JsonNode r) {
        int limit = r.path("Limit").asInt(100);
        if (limit < 1 || limit > 100) {
            throw ServiceError.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        }
        String after = r.path("ExclusiveStartTableName").asText(null);
        return db.reading(() -> {
            ObjectNode response = Json.MAPPER.createObjectNode();
            ArrayNode names = response.putArray("TableNames");
            List<String> all = db.tables().stream().map(t -> t.definition().name())
                    .filter(n -> after == null || n.compareTo(after) > 0).toList();
            all.stream().limit(limit).forEach(names::add);
            if (all.size() > limit) {
                response.put("LastEvaluatedTableName", all.get(limit - 1));
            }
            return response;
        });
    }

    ObjectNode updateTable(JsonNode r) {
        if (r.has("GlobalSecondaryIndexUpdates") || r.has("ReplicaUpdates")) {
            throw ServiceError.validation("This emulator's UpdateTable changes streams and billing only; create the table anew to change its indexes");
        }
        return db.writing(() -> {
            Table table = db.table(r.path("TableName").asText(null));
            TableDefinition before = table.definition();
            TableDefinition after = before;
            if (r.has("StreamSpecification")) {
                JsonNode spec = r.get("StreamSpecification");
                boolean enable = spec.path("StreamEnabled").asBoolean(false);
                if (enable && before.stream() != null) {
                    throw ServiceError.validation("Table already has an enabled stream: TableName: " + before.name());
                }
                if (!enable && before.stream() == null) {
                    throw ServiceError.validation("Table does not have an enabled stream to disable: TableName: " + before.name());
                }
                after = after.withStream(enable ? TableDefinition.streamSettings(spec, null, db.now()) : null);
            }
            if (r.has("BillingMode") || r.has("ProvisionedThroughput")) {
                String mode = r.path("BillingMode").asText(before.billingMode());
                JsonNode throughput = r.get("ProvisionedThroughput");
                if (mode.equals("PROVISIONED") && throughput == null && before.provisionedThroughput() == null) {
                    throw ServiceError.validation("One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
                }
                after = after.withBilling(mode, mode.equals("PAY_PER_REQUEST") ? null
                        : throughput != null ? throughput : before.provisionedThroughput());
            }
            if (after != before) {
                db.commit(List.of(new Mutation.TableWrite(after)), null, null, null);
            }
            return description("TableDescription", table, "ACTIVE");
        });
    }

    ObjectNode updateTimeToLive(JsonNode r) {
        JsonNode spec = r.path("TimeToLiveSpecification");
        String attribute = spec.path("AttributeName").asText("");
        boolean enabled = spec.path("Enabled").asBoolean(false);
        if (attribute.isEmpty()) {
            throw ServiceError.validation("1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null");
        }
        return db.writing(() -> {
            Table table = db.table(r.path("TableName").asText(null));
            TableDefinition.TimeToLive current = table.definition().ttl();
            boolean on = current != null && current.enabled();
            if (enabled && on) {
                throw ServiceError.validation("TimeToLive is already enabled");
            }
            if (!enabled && !on) {
                throw ServiceError.validation("TimeToLive is already disabled");
            }
            if (!enabled && !current.attribute().equals(attribute)) {
                throw ServiceError.validation("TimeToLive is active on a different AttributeName: current AttributeName is " + current.attribute());
            }
            TableDefinition after = table.definition().withTtl(new TableDefinition.TimeToLive(attribute, enabled));
            db.commit(List.of(new Mutation.TableWrite(after)), null, null, null);
            ObjectNode response = Json.MAPPER.createObjectNode();
            response.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enabled);
            return response;
        });
    }

    ObjectNode describeTimeToLive(JsonNode r) {
        return db.reading(() -> {
            TableDefinition.TimeToLive ttl = db.table(r.path("TableName").asText(null)).definition().ttl();
            ObjectNode response = Json.MAPPER.createObjectNode();
            ObjectNode d = response.putObject("TimeToLiveDescription");
            if (ttl != null && ttl.enabled()) {
                d.put("TimeToLiveStatus", "ENABLED").put("AttributeName", ttl.attribute());
            } else {
                d.put("TimeToLiveStatus", "DISABLED");
            }
            return response;
        });
    }

    private static ObjectNode description(String wrapper, Table table, String status) {
        TableDefinition d = table.definition();
        ObjectNode response = Json.MAPPER.createObjectNode();
        ObjectNode t = response.putObject(wrapper);
        t.put("TableName", d.name());
        t.put("TableStatus", status);
        t.put("TableArn", d.arn());
        t.put("TableId", UUID.nameUUIDFromBytes(d.arn().getBytes(StandardCharsets.UTF_8)).toString());
        t.put("CreationDateTime", d.createdMillis() / 1000.0);
        t.set("KeySchema", d.key().json());
        ArrayNode defs = t.putArray("AttributeDefinitions");
        d.attributeTypes().forEach((a, type) -> defs.addObject().put("AttributeName", a).put("AttributeType", type));
        t.put("ItemCount", table.itemCount());
        t.put("TableSizeBytes", table.sizeBytes());
        throughput(t, d);
        if (d.billingMode().equals("PAY_PER_REQUEST")) {
            t.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", d.createdMillis() / 1000.0);
        }
        if (!d.indexes().isEmpty()) {
            ArrayNode g = t.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition i : d.indexes()) {
                ObjectNode n = i.json();
                n.put("IndexStatus", "ACTIVE");
                n.put("IndexArn", d.arn() + "/index/" + i.name());
                n.put("ItemCount", table.indexCount(i.name()));
                n.put("IndexSizeBytes", 0);
                throughput(n, d);
                g.add(n);
            }
        }
        if (d.stream() != null) {
            t.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", d.stream().viewType());
            t.put("LatestStreamLabel", d.stream().label());
            t.put("LatestStreamArn", d.streamArn());
        }
        t.put("DeletionProtectionEnabled", false);
        return response;
    }

    private static void throughput(ObjectNode n, TableDefinition d) {
        ObjectNode p = n.putObject("ProvisionedThroughput");
        JsonNode given = d.provisionedThroughput();
        p.put("NumberOfDecreasesToday", 0);
        p.put("ReadCapacityUnits", given == null ? 0 : given.path("ReadCapacityUnits").asLong());
        p.put("WriteCapacityUnits", given == null ? 0 : given.path("WriteCapacityUnits").asLong());
    }
}
