package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A global secondary index: its keys and which attributes it projects (KEYS_ONLY, INCLUDE or ALL). */
record IndexDefinition(String name, KeySchema key, String projectionType, List<String> nonKeyAttributes) {

    private static final Set<String> PROJECTIONS = Set.of("KEYS_ONLY", "INCLUDE", "ALL");

    IndexDefinition {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    static IndexDefinition fromJson(JsonNode node, Map<String, String> attributeTypes) {
        String name = node.path("IndexName").asText("");
        if (name.length() < 3) {
            throw ServiceError.validation("1 validation error detected: Value '" + name
                    + "' at 'globalSecondaryIndexes.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3");
        }
        KeySchema key = TableDefinition.keySchema(node.path("KeySchema"), attributeTypes);
        JsonNode projection = node.path("Projection");
        String type = projection.path("ProjectionType").asText("");
        if (!PROJECTIONS.contains(type)) {
            throw ServiceError.validation("One or more parameter values were invalid: Unknown ProjectionType: " + type);
        }
        List<String> nonKey = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
        if (type.equals("INCLUDE") == nonKey.isEmpty()) {
            throw ServiceError.validation(type.equals("INCLUDE")
                    ? "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified"
                    : "One or more parameter values were invalid: ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        return new IndexDefinition(name, key, type, nonKey);
    }

    ObjectNode json() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("IndexName", name);
        n.set("KeySchema", key.json());
        ObjectNode p = n.putObject("Projection");
        p.put("ProjectionType", projectionType);
        if (!nonKeyAttributes.isEmpty()) {
            var a = p.putArray("NonKeyAttributes");
            nonKeyAttributes.forEach(a::add);
        }
        return n;
    }

    /** Where an item sits in this index, or null when it lacks an index key (the index is sparse). */
    EntryKey entryOf(Map<String, Value> item, ItemKey tableKey) {
        if (!key.presentIn(item)) {
            return null;
        }
        Value sort = key.hasRange() ? item.get(key.range()) : Value.NULL;
        return new EntryKey(sort, tableKey.partition(), tableKey.sort(), 0);
    }

    /** The index's copy of an item: its keys, the table's keys and the projected attributes. */
    Map<String, Value> project(Map<String, Value> item, KeySchema tableKey) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        Map<String, Value> projected = new HashMap<>();
        for (String attribute : attributes(tableKey)) {
            Value v = item.get(attribute);
            if (v != null) {
                projected.put(attribute, v);
            }
        }
        return projected;
    }

    private List<String> attributes(KeySchema tableKey) {
        List<String> names = new ArrayList<>(List.of(tableKey.hash(), key.hash()));
        if (tableKey.hasRange()) {
            names.add(tableKey.range());
        }
        if (key.hasRange()) {
            names.add(key.range());
        }
        names.addAll(nonKeyAttributes);
        return names;
    }
}
