package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Query and Scan over a table or a global secondary index: Limit counts items read before the
 * filter, a page stops at 1 MB read, and LastEvaluatedKey carries the index's and the table's keys.
 */
final class ReadOperations {

    private static final int PAGE_BYTES = 1024 * 1024;

    private final Database db;

    ReadOperations(Database db) {
        this.db = db;
    }

    ObjectNode query(JsonNode r) {
        return db.reading(() -> read(r, true));
    }

    ObjectNode scan(JsonNode r) {
        return db.reading(() -> read(r, false));
    }

    private ObjectNode read(JsonNode r, boolean query) {
        for (String legacy : new String[] {"KeyConditions", "QueryFilter", "ScanFilter", "AttributesToGet", "ConditionalOperator"}) {
            if (r.has(legacy)) {
                throw ServiceError.validation(legacy + " (a legacy parameter) is not supported by this emulator; use expressions");
            }
        }
        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(r);
        Table table = db.table(r.path("TableName").asText(null));
        String indexName = r.path("IndexName").asText(null);
        IndexDefinition index = indexName == null ? null : table.definition().index(indexName);
        if (indexName != null && index == null) {
            throw ServiceError.validation("The table does not have the specified index: " + indexName);
        }
        boolean consistent = r.path("ConsistentRead").asBoolean(false);
        if (index != null && consistent) {
            throw ServiceError.validation("Consistent reads are not supported on global secondary indexes");
        }
        KeySchema schema = index != null ? index.key() : table.key();
        ExpressionAttributes attributes = new ExpressionAttributes(r);
        Condition keyCondition = null;
        if (query) {
            if (!r.hasNonNull("KeyConditionExpression")) {
                throw ServiceError.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
            }
            keyCondition = ExpressionParser.condition(r.get("KeyConditionExpression").asText(), "KeyConditionExpression", attributes);
        }
        Condition filter = r.hasNonNull("FilterExpression")
                ? ExpressionParser.condition(r.get("FilterExpression").asText(), "FilterExpression", attributes)
                : null;
        List<DocumentPath> projection = r.hasNonNull("ProjectionExpression")
                ? ExpressionParser.projection(r.get("ProjectionExpression").asText(), attributes)
                : null;
        attributes.checkAllUsed(keyCondition != null || filter != null || projection != null);
        if (filter != null) {
            checkFilterHasNoKeys(filter, schema, query);
        }
        boolean countOnly = select(r, index, projection);
        Integer limit = limit(r);
        boolean forward = r.path("ScanIndexForward").asBoolean(true);
        int[] segment = segment(r, query);

        SortedItems store = index != null ? table.index(index.name()) : table.items();
        Map<String, Value> start = r.hasNonNull("ExclusiveStartKey") ? AttributeJson.item(r.get("ExclusiveStartKey")) : null;
        EntryKey after = start == null ? null : startEntry(start, table, index);
        Iterator<Map.Entry<EntryKey, Map<String, Value>>> entries;
        if (query) {
            KeyCondition kc = KeyCondition.of(keyCondition, schema);
            entries = store.query(kc.partition(), kc.range(), forward, after);
        } else {
            entries = store.scan(start == null ? null : start.get(schema.hash()), after);
        }

        ArrayNode items = Json.MAPPER.createArrayNode();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        Map<String, Value> last = null;
        boolean more = false;
        while (entries.hasNext()) {
            if ((limit != null && scanned == limit) || bytes >= PAGE_BYTES) {
                more = limit != null && scanned == limit || entries.hasNext();
                break;
            }
            Map<String, Value> item = entries.next().getValue();
            if (segment != null && Math.floorMod(item.get(schema.hash()).hashCode(), segment[1]) != segment[0]) {
                continue;
            }
            Map<String, Value> stored = index != null ? index.project(item, table.key()) : item;
            scanned++;
            bytes += ItemSize.of(stored);
            last = item;
            if (filter == null || ConditionEvaluator.test(filter, stored)) {
                count++;
                if (!countOnly) {
                    items.add(AttributeJson.json(projection == null ? stored : Projection.of(stored, projection)));
                }
            }
        }
        // DynamoDB answers a LastEvaluatedKey whenever the page stopped at Limit, even with nothing after it.
        if (!more && limit != null && scanned == limit && last != null) {
            more = true;
        }
        ObjectNode response = Json.MAPPER.createObjectNode();
        if (!countOnly) {
            response.set("Items", items);
        }
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        if (more && last != null) {
            response.set("LastEvaluatedKey", AttributeJson.json(lastKey(last, table, index)));
        }
        ConsumedCapacity capacity = new ConsumedCapacity(table.definition().name(), false);
        double units = ConsumedCapacity.readUnits(bytes, consistent);
        if (index != null) {
            capacity.onIndex(index.name(), units);
        } else {
            capacity.onTable(units);
        }
        capacity.attach(response, mode);
        return response;
    }

    /** DynamoDB refuses the queried keys in a Query's filter: they belong in the key condition. */
    private static void checkFilterHasNoKeys(Condition filter, KeySchema schema, boolean query) {
        if (!query) {
            return;
        }
        for (String key : schema.hasRange() ? List.of(schema.hash(), schema.range()) : List.of(schema.hash())) {
            if (mentions(filter, key)) {
                throw ServiceError.validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: " + key);
            }
        }
    }

    private static boolean mentions(Condition c, String name) {
        return switch (c) {
            case Condition.And a -> mentions(a.left(), name) || mentions(a.right(), name);
            case Condition.Or o -> mentions(o.left(), name) || mentions(o.right(), name);
            case Condition.Not n -> mentions(n.inner(), name);
            case Condition.Exists e -> e.path().top().equals(name);
            case Condition.NotExists e -> e.path().top().equals(name);
            case Condition.TypeIs t -> t.path().top().equals(name);
            case Condition.Compare cmp -> mentions(cmp.left(), name) || mentions(cmp.right(), name);
            case Condition.Between b -> mentions(b.value(), name) || mentions(b.low(), name) || mentions(b.high(), name);
            case Condition.In in -> mentions(in.value(), name) || in.candidates().stream().anyMatch(o -> mentions(o, name));
            case Condition.BeginsWith b -> mentions(b.value(), name) || mentions(b.prefix(), name);
            case Condition.Contains ct -> mentions(ct.value(), name) || mentions(ct.part(), name);
        };
    }

    private static boolean mentions(Operand o, String name) {
        return switch (o) {
            case Operand.Path p -> p.path().top().equals(name);
            case Operand.Size s -> s.path().top().equals(name);
            default -> false;
        };
    }

    private static boolean select(JsonNode r, IndexDefinition index, List<DocumentPath> projection) {
        String select = r.path("Select").asText(null);
        if (select == null) {
            return false;
        }
        switch (select) {
            case "COUNT", "SPECIFIC_ATTRIBUTES" -> {
            }
            case "ALL_ATTRIBUTES" -> {
                if (index != null && !index.projectionType().equals("ALL")) {
                    throw ServiceError.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                            + index.name() + " because its projection type is not ALL");
                }
            }
            case "ALL_PROJECTED_ATTRIBUTES" -> {
                if (index == null) {
                    throw ServiceError.validation("One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is only supported when querying an index");
                }
            }
            default -> throw ServiceError.validation("1 validation error detected: Value '" + select
                    + "' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
        if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw ServiceError.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
        }
        return select.equals("COUNT");
    }

    private static Integer limit(JsonNode r) {
        if (!r.hasNonNull("Limit")) {
            return null;
        }
        int limit = r.get("Limit").asInt();
        if (limit < 1) {
            throw ServiceError.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return limit;
    }

    private static int[] segment(JsonNode r, boolean query) {
        if (query || (!r.has("Segment") && !r.has("TotalSegments"))) {
            return null;
        }
        int segment = r.path("Segment").asInt(-1);
        int total = r.path("TotalSegments").asInt(-1);
        if (total < 1 || total > 1_000_000 || segment < 0 || segment >= total) {
            throw ServiceError.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                    + segment + " is not less than TotalSegments: " + total);
        }
        return new int[] {segment, total};
    }

    /** Where an ExclusiveStartKey points: the table's key, and for an index the index's key before it. */
    private static EntryKey startEntry(Map<String, Value> start, Table table, IndexDefinition index) {
        KeySchema t = table.key();
        int expected = t.hasRange() ? 2 : 1;
        ItemKey tableKey;
        try {
            Map<String, Value> tablePart = new HashMap<>(start);
            if (index != null) {
                tablePart.keySet().retainAll(List.of(t.hash(), t.hasRange() ? t.range() : t.hash()));
            }
            tableKey = table.keyOfKey(tablePart);
        } catch (ServiceError e) {
            throw invalidStart();
        }
        if (index == null) {
            if (start.size() != expected) {
                throw invalidStart();
            }
            return tableKey.entry();
        }
        KeySchema ik = index.key();
        Value hash = start.get(ik.hash());
        Value sort = ik.hasRange() ? start.get(ik.range()) : Value.NULL;
        if (hash == null || sort == null || !hash.type().equals(ik.hashType()) || (ik.hasRange() && !sort.type().equals(ik.rangeType()))) {
            throw invalidStart();
        }
        return new EntryKey(sort, tableKey.partition(), tableKey.sort(), 0);
    }

    private static ServiceError invalidStart() {
        return ServiceError.validation("The provided starting key is invalid: The provided key element does not match the schema");
    }

    private static Map<String, Value> lastKey(Map<String, Value> item, Table table, IndexDefinition index) {
        Map<String, Value> key = new HashMap<>();
        List<String> names = new ArrayList<>(List.of(table.key().hash()));
        if (table.key().hasRange()) {
            names.add(table.key().range());
        }
        if (index != null) {
            names.add(index.key().hash());
            if (index.key().hasRange()) {
                names.add(index.key().range());
            }
        }
        names.forEach(n -> key.put(n, item.get(n)));
        return key;
    }
}
