package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems (all or nothing, with cancellation reasons in request order and
 * ClientRequestToken idempotency) and TransactGetItems. Both count double capacity, as in DynamoDB.
 */
final class TransactionOperations {

    private static final int MAX_ACTIONS = 100;

    private final Database db;

    TransactionOperations(Database db) {
        this.db = db;
    }

    ObjectNode transactWriteItems(JsonNode r) {
        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(r);
        JsonNode items = r.path("TransactItems");
        checkCount(items);
        String token = r.path("ClientRequestToken").asText(null);
        String fingerprint = token == null ? null : fingerprint(r);
        return db.writing(() -> {
            if (token != null) {
                ObjectNode earlier = db.tokens().replay(token, fingerprint, db.now());
                if (earlier != null) {
                    return earlier;
                }
            }
            List<WriteAction> actions = new ArrayList<>();
            Set<List<Object>> seen = new HashSet<>();
            for (JsonNode item : items) {
                WriteAction action = parse(item);
                if (!seen.add(List.of(action.tableName(), action.key()))) {
                    throw ServiceError.validation("Transaction request cannot include multiple operations on one item");
                }
                actions.add(action);
            }
            List<ObjectNode> reasons = new ArrayList<>();
            List<WriteAction.Outcome> outcomes = new ArrayList<>();
            boolean cancelled = false;
            for (WriteAction action : actions) {
                ObjectNode reason = Json.MAPPER.createObjectNode();
                try {
                    WriteAction.Outcome o = action.evaluate();
                    outcomes.add(o);
                    if (o.failed()) {
                        cancelled = true;
                        reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                        if (action.returnOldOnFailure() && o.old() != null) {
                            reason.set("Item", AttributeJson.json(o.old()));
                        }
                    } else {
                        reason.put("Code", "None");
                    }
                } catch (ServiceError e) {
                    cancelled = true;
                    outcomes.add(null);
                    reason.put("Code", "ValidationError").put("Message", e.getMessage());
                }
                reasons.add(reason);
            }
            if (cancelled) {
                throw cancellation(reasons);
            }
            List<Mutation> mutations = new ArrayList<>();
            Map<String, ConsumedCapacity> capacities = new LinkedHashMap<>();
            for (int i = 0; i < actions.size(); i++) {
                WriteAction action = actions.get(i);
                Mutation m = action.mutation(outcomes.get(i));
                if (m != null) {
                    mutations.add(m);
                }
                action.charge(capacities.computeIfAbsent(action.tableName(), t -> new ConsumedCapacity(t, true)), outcomes.get(i), 2);
            }
            ObjectNode response = Json.MAPPER.createObjectNode();
            ConsumedCapacity.attachAll(response, mode, capacities.values());
            db.commit(mutations, token, fingerprint, response);
            return response;
        });
    }

    private WriteAction parse(JsonNode item) {
        if (item.size() != 1) {
            throw ServiceError.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        var e = item.properties().iterator().next();
        WriteAction.Kind kind = switch (e.getKey()) {
            case "ConditionCheck" -> WriteAction.Kind.CHECK;
            case "Put" -> WriteAction.Kind.PUT;
            case "Update" -> WriteAction.Kind.UPDATE;
            case "Delete" -> WriteAction.Kind.DELETE;
            default -> throw ServiceError.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        };
        return WriteAction.parse(kind, db, e.getValue());
    }

    private static ServiceError cancellation(List<ObjectNode> reasons) {
        ObjectNode extra = Json.MAPPER.createObjectNode();
        ArrayNode list = extra.putArray("CancellationReasons");
        List<String> codes = new ArrayList<>();
        for (ObjectNode reason : reasons) {
            list.add(reason);
            codes.add(reason.get("Code").asText());
        }
        return ServiceError.of("TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes).withExtra(extra);
    }

    /** The request without its token: the same token with another fingerprint is another request. */
    private static String fingerprint(JsonNode r) {
        ObjectNode copy = r.deepCopy();
        copy.remove("ClientRequestToken");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(copy.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode transactGetItems(JsonNode r) {
        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(r);
        JsonNode items = r.path("TransactItems");
        checkCount(items);
        return db.reading(() -> {
            ObjectNode response = Json.MAPPER.createObjectNode();
            ArrayNode responses = response.putArray("Responses");
            Map<String, ConsumedCapacity> capacities = new LinkedHashMap<>();
            Set<List<Object>> seen = new HashSet<>();
            for (JsonNode item : items) {
                JsonNode get = item.path("Get");
                Table table = db.table(get.path("TableName").asText(null));
                ItemReader reader = ItemReader.of(get);
                ItemKey key = table.keyOfKey(AttributeJson.item(get.get("Key")));
                if (!seen.add(List.of(table.definition().name(), key))) {
                    throw ServiceError.validation("Transaction request cannot include multiple operations on one item");
                }
                Map<String, Value> found = table.get(key);
                ObjectNode entry = responses.addObject();
                if (found != null) {
                    entry.set("Item", AttributeJson.json(reader.shape(found)));
                }
                capacities.computeIfAbsent(table.definition().name(), t -> new ConsumedCapacity(t, false))
                        .onTable(2 * ConsumedCapacity.readUnits(ItemSize.of(found), true));
            }
            ConsumedCapacity.attachAll(response, mode, capacities.values());
            return response;
        });
    }

    private static void checkCount(JsonNode items) {
        if (items.isEmpty() || items.size() > MAX_ACTIONS) {
            throw ServiceError.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_ACTIONS + ", Member must have length greater than or equal to 1");
        }
    }
}
