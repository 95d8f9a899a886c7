package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Capacity units one request consumed on one table and its indexes, by DynamoDB's arithmetic:
 * reads per 4 KB (halved when eventually consistent), writes per 1 KB, both doubled in transactions.
 */
final class ConsumedCapacity {

    /** ReturnConsumedCapacity. */
    enum Mode {
        NONE, TOTAL, INDEXES;

        static Mode of(JsonNode request) {
            String m = request.path("ReturnConsumedCapacity").asText("NONE");
            try {
                return valueOf(m);
            } catch (IllegalArgumentException e) {
                throw ServiceError.validation("1 validation error detected: Value '" + m
                        + "' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
            }
        }
    }

    private final String table;
    private final boolean write;
    private double tableUnits;
    private boolean tableTouched;
    private final Map<String, Double> indexUnits = new TreeMap<>();

    ConsumedCapacity(String table, boolean write) {
        this.table = table;
        this.write = write;
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    String table() {
        return table;
    }

    void onTable(double units) {
        tableUnits += units;
        tableTouched = true;
    }

    void onIndex(String index, double units) {
        indexUnits.merge(index, units, Double::sum);
    }

    /** One item written (or its condition checked and failed): the table, and each index entry it adds, changes or removes. */
    void onWrite(Table t, Map<String, Value> old, Map<String, Value> item, double factor) {
        onTable(factor * writeUnits(Math.max(ItemSize.of(old), ItemSize.of(item))));
        if (item == null && old == null) {
            return;
        }
        for (IndexDefinition index : t.definition().indexes()) {
            KeySchema key = t.key();
            Map<String, Value> before = old != null && index.key().presentIn(old) ? index.project(old, key) : null;
            Map<String, Value> after = item != null && index.key().presentIn(item) ? index.project(item, key) : null;
            double units = 0;
            if (before != null && after != null) {
                boolean moved = !Objects.equals(before.get(index.key().hash()), after.get(index.key().hash()))
                        || (index.key().hasRange() && !Objects.equals(before.get(index.key().range()), after.get(index.key().range())));
                if (moved) {
                    units = writeUnits(ItemSize.of(before)) + writeUnits(ItemSize.of(after));
                } else if (!before.equals(after)) {
                    units = writeUnits(Math.max(ItemSize.of(before), ItemSize.of(after)));
                }
            } else if (before != null || after != null) {
                units = writeUnits(ItemSize.of(before != null ? before : after));
            }
            if (units > 0) {
                onIndex(index.name(), factor * units);
            }
        }
    }

    double total() {
        return tableUnits + indexUnits.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    ObjectNode json(Mode mode) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("TableName", table);
        n.put("CapacityUnits", total());
        n.put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", total());
        if (mode == Mode.INDEXES) {
            if (tableTouched) {
                units(n.putObject("Table"), tableUnits);
            }
            if (!indexUnits.isEmpty()) {
                ObjectNode g = n.putObject("GlobalSecondaryIndexes");
                indexUnits.forEach((name, u) -> units(g.putObject(name), u));
            }
        }
        return n;
    }

    private void units(ObjectNode n, double units) {
        n.put("CapacityUnits", units);
        n.put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", units);
    }

    /** Adds ConsumedCapacity to a single-table answer when asked for. */
    void attach(ObjectNode response, Mode mode) {
        if (mode != Mode.NONE) {
            response.set("ConsumedCapacity", json(mode));
        }
    }

    /** Adds the per-table ConsumedCapacity list of batch and transaction answers when asked for. */
    static void attachAll(ObjectNode response, Mode mode, Collection<ConsumedCapacity> all) {
        if (mode != Mode.NONE) {
            ArrayNode list = response.putArray("ConsumedCapacity");
            all.forEach(c -> list.add(c.json(mode)));
        }
    }
}
