package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem (at most 100 keys) and BatchWriteItem (at most 25 writes); nothing is ever left unprocessed. */
final class BatchOperations {

    private final Database db;

    BatchOperations(Database db) {
        this.db = db;
    }

    ObjectNode batchGetItem(JsonNode r) {
        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(r);
        JsonNode requests = r.path("RequestItems");
        int keys = 0;
        for (JsonNode t : requests) {
            keys += t.path("Keys").size();
        }
        if (keys > 100) {
            throw ServiceError.validation("Too many items requested for the BatchGetItem call");
        }
        if (keys == 0) {
            throw ServiceError.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        return db.reading(() -> {
            ObjectNode response = Json.MAPPER.createObjectNode();
            ObjectNode responses = response.putObject("Responses");
            List<ConsumedCapacity> capacities = new ArrayList<>();
            for (var e : requests.properties()) {
                Table table = db.table(e.getKey());
                JsonNode request = e.getValue();
                ItemReader reader = ItemReader.of(request);
                boolean consistent = request.path("ConsistentRead").asBoolean(false);
                ArrayNode found = responses.putArray(e.getKey());
                ConsumedCapacity capacity = new ConsumedCapacity(e.getKey(), false);
                Set<ItemKey> seen = new HashSet<>();
                for (JsonNode k : request.path("Keys")) {
                    ItemKey key = table.keyOfKey(AttributeJson.item(k));
                    if (!seen.add(key)) {
                        throw ServiceError.validation("Provided list of item keys contains duplicates");
                    }
                    Map<String, Value> item = table.get(key);
                    if (item != null) {
                        found.add(AttributeJson.json(reader.shape(item)));
                    }
                    capacity.onTable(ConsumedCapacity.readUnits(ItemSize.of(item), consistent));
                }
                capacities.add(capacity);
            }
            response.putObject("UnprocessedKeys");
            ConsumedCapacity.attachAll(response, mode, capacities);
            return response;
        });
    }

    ObjectNode batchWriteItem(JsonNode r) {
        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(r);
        JsonNode requests = r.path("RequestItems");
        int writes = 0;
        for (JsonNode t : requests) {
            writes += t.size();
        }
        if (writes > 25 || writes == 0) {
            throw ServiceError.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
        }
        return db.writing(() -> {
            List<Mutation> mutations = new ArrayList<>();
            Map<String, ConsumedCapacity> capacities = new LinkedHashMap<>();
            Set<List<Object>> seen = new HashSet<>();
            for (var e : requests.properties()) {
                for (JsonNode w : e.getValue()) {
                    WriteAction action = action(e.getKey(), w);
                    if (!seen.add(List.of(e.getKey(), action.key()))) {
                        throw ServiceError.validation("Provided list of item keys contains duplicates");
                    }
                    WriteAction.Outcome o = action.evaluate();
                    Mutation m = action.mutation(o);
                    if (m != null) {
                        mutations.add(m);
                    }
                    action.charge(capacities.computeIfAbsent(e.getKey(), t -> new ConsumedCapacity(t, true)), o, 1);
                }
            }
            db.commit(mutations, null, null, null);
            ObjectNode response = Json.MAPPER.createObjectNode();
            response.putObject("UnprocessedItems");
            ConsumedCapacity.attachAll(response, mode, capacities.values());
            return response;
        });
    }

    private WriteAction action(String table, JsonNode write) {
        ObjectNode request = Json.MAPPER.createObjectNode().put("TableName", table);
        if (write.has("PutRequest")) {
            request.set("Item", write.get("PutRequest").get("Item"));
            return WriteAction.parse(WriteAction.Kind.PUT, db, request);
        }
        if (write.has("DeleteRequest")) {
            request.set("Key", write.get("DeleteRequest").get("Key"));
            return WriteAction.parse(WriteAction.Kind.DELETE, db, request);
        }
        throw ServiceError.validation("Supplied WriteRequest must contain exactly one of PutRequest or DeleteRequest");
    }
}
