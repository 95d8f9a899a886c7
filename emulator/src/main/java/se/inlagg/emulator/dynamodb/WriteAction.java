package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * One item write (Put, Update, Delete, or a transaction's ConditionCheck), checked and parsed
 * from its request, ready to be evaluated against the current item. Single writes, batches and
 * transactions all go through it, so they agree on every rule.
 */
record WriteAction(Kind kind, Table table, ItemKey key, Map<String, Value> item, UpdateExpression update,
                   Condition condition, boolean returnOldOnFailure) {

    enum Kind { PUT, UPDATE, DELETE, CHECK }

    /** The item before and after (null: absent), and whether the condition failed. */
    record Outcome(Map<String, Value> old, Map<String, Value> next, boolean failed) {
    }

    static WriteAction parse(Kind kind, Database db, JsonNode r) {
        for (String legacy : new String[] {"Expected", "AttributeUpdates", "ConditionalOperator"}) {
            if (r.has(legacy)) {
                throw ServiceError.validation(legacy + " (a legacy parameter) is not supported by this emulator; use expressions");
            }
        }
        Table table = db.table(r.path("TableName").asText(null));
        ExpressionAttributes attributes = new ExpressionAttributes(r);
        Condition condition = r.hasNonNull("ConditionExpression")
                ? ExpressionParser.condition(r.get("ConditionExpression").asText(), "ConditionExpression", attributes)
                : null;
        if (kind == Kind.CHECK && condition == null) {
            throw ServiceError.validation("1 validation error detected: Value null at 'transactItems.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
        }
        UpdateExpression update = kind == Kind.UPDATE && r.hasNonNull("UpdateExpression")
                ? ExpressionParser.update(r.get("UpdateExpression").asText(), attributes)
                : null;
        attributes.checkAllUsed(condition != null || update != null);
        if (update != null) {
            for (var path : update.paths()) {
                if (table.key().isKey(path.top())) {
                    throw ServiceError.validation("One or more parameter values were invalid: Cannot update attribute " + path.top()
                            + ". This attribute is part of the key");
                }
            }
        }
        Map<String, Value> item = null;
        ItemKey key;
        if (kind == Kind.PUT) {
            item = AttributeJson.item(r.get("Item"));
            key = table.keyOfItem(item);
            ItemSize.checkLimit(item);
        } else {
            key = table.keyOfKey(AttributeJson.item(r.get("Key")));
        }
        boolean returnOld = r.path("ReturnValuesOnConditionCheckFailure").asText("NONE").equals("ALL_OLD");
        return new WriteAction(kind, table, key, item, update, condition, returnOld);
    }

    String tableName() {
        return table.definition().name();
    }

    /** Decides the write against the current item; errors found only here (types, sizes) are ValidationExceptions. */
    Outcome evaluate() {
        Map<String, Value> old = table.get(key);
        if (condition != null && !ConditionEvaluator.test(condition, old)) {
            return new Outcome(old, old, true);
        }
        Map<String, Value> next = switch (kind) {
            case PUT -> item;
            case DELETE -> null;
            case CHECK -> old;
            case UPDATE -> updated(old);
        };
        return new Outcome(old, next, false);
    }

    private Map<String, Value> updated(Map<String, Value> old) {
        Map<String, Value> next = update == null ? new HashMap<>(old == null ? Map.of() : old) : UpdateApplier.apply(update, old);
        next.putAll(key.attributes(table.key()));
        ItemSize.checkLimit(next);
        table.checkIndexKeys(next);
        return next;
    }

    /** The change to commit, or null when there is none (a check, a failed condition, a delete of nothing). */
    Mutation mutation(Outcome o) {
        if (o.failed() || kind == Kind.CHECK || (kind == Kind.DELETE && o.old() == null)) {
            return null;
        }
        return new Mutation.ItemWrite(tableName(), key, o.old(), o.next());
    }

    ServiceError conditionFailed(Outcome o) {
        return ServiceError.conditionFailed(returnOldOnFailure && o.old() != null ? AttributeJson.json(o.old()) : null);
    }

    /** What this write costs; a failed condition still costs the write of the item it read. */
    void charge(ConsumedCapacity capacity, Outcome o, double factor) {
        if (o.failed() || kind == Kind.CHECK) {
            capacity.onTable(factor * ConsumedCapacity.writeUnits(ItemSize.of(o.old())));
        } else {
            capacity.onWrite(table, o.old(), o.next(), factor);
        }
    }
}
