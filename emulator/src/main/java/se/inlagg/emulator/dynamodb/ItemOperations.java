package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
final class ItemOperations {

    private final Database db;

    ItemOperations(Database db) {
        this.db = db;
    }

    ObjectNode putItem(JsonNode r) {
        return write(WriteAction.Kind.PUT, r, Set.of("NONE", "ALL_OLD"));
    }

    ObjectNode deleteItem(JsonNode r) {
        return write(WriteAction.Kind.DELETE, r, Set.of("NONE", "ALL_OLD"));
    }

    ObjectNode updateItem(JsonNode r) {
        return write(WriteAction.Kind.UPDATE, r, Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
    }

    private ObjectNode write(WriteAction.Kind kind, JsonNode r, Set<String> allowed) {
        String returnValues = r.path("ReturnValues").asText("NONE");
        if (!allowed.contains(returnValues)) {
            throw ServiceError.validation(allowed.size() == 2
                    ? "ReturnValues can only be ALL_OLD or NONE"
                    : "1 validation error detected: Value '" + returnValues
                      + "' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        }
        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(r);
        return db.writing(() -> {
            WriteAction action = WriteAction.parse(kind, db, r);
            WriteAction.Outcome o = action.evaluate();
            if (o.failed()) {
                throw action.conditionFailed(o);
            }
            Mutation m = action.mutation(o);
            db.commit(m == null ? List.of() : List.of(m), null, null, null);
            ObjectNode response = Json.MAPPER.createObjectNode();
            Map<String, Value> returned = switch (returnValues) {
                case "ALL_OLD" -> o.old();
                case "ALL_NEW" -> o.next();
                case "UPDATED_OLD" -> o.old() == null ? null : Projection.of(o.old(), updatedPaths(action));
                case "UPDATED_NEW" -> Projection.of(o.next(), updatedPaths(action));
                default -> null;
            };
            if (returned != null && !returned.isEmpty()) {
                response.set("Attributes", AttributeJson.json(returned));
            }
            ConsumedCapacity capacity = new ConsumedCapacity(action.tableName(), true);
            action.charge(capacity, o, 1);
            capacity.attach(response, mode);
            return response;
        });
    }

    private static List<DocumentPath> updatedPaths(WriteAction action) {
        return action.update() == null ? new ArrayList<>() : action.update().paths();
    }

    ObjectNode getItem(JsonNode r) {
        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(r);
        boolean consistent = r.path("ConsistentRead").asBoolean(false);
        return db.reading(() -> {
            Table table = db.table(r.path("TableName").asText(null));
            ItemReader reader = ItemReader.of(r);
            Map<String, Value> item = table.get(table.keyOfKey(AttributeJson.item(r.get("Key"))));
            ObjectNode response = Json.MAPPER.createObjectNode();
            if (item != null) {
                response.set("Item", AttributeJson.json(reader.shape(item)));
            }
            ConsumedCapacity capacity = new ConsumedCapacity(table.definition().name(), false);
            capacity.onTable(ConsumedCapacity.readUnits(ItemSize.of(item), consistent));
            capacity.attach(response, mode);
            return response;
        });
    }
}
