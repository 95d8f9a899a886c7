package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a table is, as CreateTable and UpdateTable left it: keys, indexes, billing, stream and TTL
 * settings. Its JSON form is what the journal and the snapshot keep.
 */
record TableDefinition(String name, String region, KeySchema key, Map<String, String> attributeTypes,
                       List<IndexDefinition> indexes, String billingMode, JsonNode provisionedThroughput,
                       StreamSettings stream, TimeToLive ttl, long createdMillis) {

    static final String ACCOUNT = "000000000000";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Set<String> KEY_TYPES = Set.of("S", "N", "B");

    /** A table's stream: its view type and the label (creation time) that names its ARN. */
    record StreamSettings(String viewType, String label, long createdMillis) {
    }

    record TimeToLive(String attribute, boolean enabled) {
    }

    TableDefinition {
        attributeTypes = Collections.unmodifiableMap(new LinkedHashMap<>(attributeTypes));
        indexes = List.copyOf(indexes);
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ServiceError.validation("1 validation error detected: Value '" + name
                    + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
        }
    }

    /** A CreateTable request (or a stored definition), checked as DynamoDB checks it. */
    static TableDefinition fromJson(JsonNode r, String region, long now) {
        String name = r.path("TableName").asText(null);
        checkName(name);
        if (r.has("LocalSecondaryIndexes") && !r.get("LocalSecondaryIndexes").isEmpty()) {
            throw ServiceError.validation("LocalSecondaryIndexes are not supported by this emulator (Inlägg uses global secondary indexes only)");
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode a : r.path("AttributeDefinitions")) {
            String type = a.path("AttributeType").asText();
            if (!KEY_TYPES.contains(type)) {
                throw ServiceError.validation("1 validation error detected: Value '" + type
                        + "' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            types.put(a.path("AttributeName").asText(), type);
        }
        KeySchema key = keySchema(r.path("KeySchema"), types);
        List<IndexDefinition> indexes = new ArrayList<>();
        Set<String> used = new TreeSet<>(List.of(key.hash()));
        if (key.hasRange()) {
            used.add(key.range());
        }
        for (JsonNode g : r.path("GlobalSecondaryIndexes")) {
            IndexDefinition index = IndexDefinition.fromJson(g, types);
            if (indexes.stream().anyMatch(i -> i.name().equals(index.name()))) {
                throw ServiceError.validation("One or more parameter values were invalid: Duplicate index name: " + index.name());
            }
            indexes.add(index);
            used.add(index.key().hash());
            if (index.key().hasRange()) {
                used.add(index.key().range());
            }
        }
        if (!used.equals(new TreeSet<>(types.keySet()))) {
            throw ServiceError.validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        String billing = r.path("BillingMode").asText("PROVISIONED");
        JsonNode throughput = r.get("ProvisionedThroughput");
        if (billing.equals("PAY_PER_REQUEST") && throughput != null) {
            throw ServiceError.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (billing.equals("PROVISIONED") && throughput == null) {
            throw ServiceError.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        if (!billing.equals("PROVISIONED") && !billing.equals("PAY_PER_REQUEST")) {
            throw ServiceError.validation("1 validation error detected: Value '" + billing
                    + "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        long created = r.path("CreationDateTime").asLong(now);
        StreamSettings stream = streamSettings(r.path("StreamSpecification"), r.path("StreamLabel").asText(null), created);
        TimeToLive ttl = r.has("TimeToLive")
                ? new TimeToLive(r.get("TimeToLive").path("AttributeName").asText(), r.get("TimeToLive").path("Enabled").asBoolean())
                : null;
        return new TableDefinition(name, r.path("Region").asText(region), key, types, indexes, billing,
                billing.equals("PROVISIONED") ? throughput : null, stream, ttl, created);
    }

    static StreamSettings streamSettings(JsonNode spec, String label, long now) {
        if (spec.isMissingNode() || !spec.path("StreamEnabled").asBoolean(false)) {
            return null;
        }
        String view = spec.path("StreamViewType").asText("");
        if (!Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES").contains(view)) {
            throw ServiceError.validation("One or more parameter values were invalid: StreamViewType must be one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES when StreamEnabled is true");
        }
        return label != null
                ? new StreamSettings(view, label, StreamLog.labelMillis(label))
                : new StreamSettings(view, StreamLog.label(now), now);
    }

    static KeySchema keySchema(JsonNode schema, Map<String, String> types) {
        String hash = null;
        String range = null;
        for (JsonNode e : schema) {
            String keyType = e.path("KeyType").asText();
            String attribute = e.path("AttributeName").asText();
            if (keyType.equals("HASH") && hash == null && range == null) {
                hash = attribute;
            } else if (keyType.equals("RANGE") && hash != null && range == null) {
                range = attribute;
            } else {
                throw ServiceError.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type, or a key type appears twice");
            }
        }
        if (hash == null) {
            throw ServiceError.validation("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
        }
        for (String a : range == null ? List.of(hash) : List.of(hash, range)) {
            if (!types.containsKey(a)) {
                throw ServiceError.validation("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                        + a + "], AttributeDefinitions: " + types.keySet());
            }
        }
        return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
    }

    String arn() {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
    }

    String streamArn() {
        return stream == null ? null : StreamLog.arn(this, stream.label());
    }

    IndexDefinition index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst().orElse(null);
    }

    TableDefinition withStream(StreamSettings s) {
        return new TableDefinition(name, region, key, attributeTypes, indexes, billingMode, provisionedThroughput, s, ttl, createdMillis);
    }

    TableDefinition withTtl(TimeToLive t) {
        return new TableDefinition(name, region, key, attributeTypes, indexes, billingMode, provisionedThroughput, stream, t, createdMillis);
    }

    TableDefinition withBilling(String mode, JsonNode throughput) {
        return new TableDefinition(name, region, key, attributeTypes, indexes, mode, throughput, stream, ttl, createdMillis);
    }

    /** The stored form; {@link #fromJson} reads it back. */
    ObjectNode json() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("TableName", name);
        n.put("Region", region);
        n.set("KeySchema", key.json());
        var defs = n.putArray("AttributeDefinitions");
        attributeTypes.forEach((a, t) -> defs.addObject().put("AttributeName", a).put("AttributeType", t));
        if (!indexes.isEmpty()) {
            var g = n.putArray("GlobalSecondaryIndexes");
            indexes.forEach(i -> g.add(i.json()));
        }
        n.put("BillingMode", billingMode);
        if (provisionedThroughput != null) {
            n.set("ProvisionedThroughput", provisionedThroughput);
        }
        if (stream != null) {
            n.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", stream.viewType());
            n.put("StreamLabel", stream.label());
        }
        if (ttl != null) {
            n.putObject("TimeToLive").put("AttributeName", ttl.attribute()).put("Enabled", ttl.enabled());
        }
        n.put("CreationDateTime", createdMillis);
        return n;
    }
}
