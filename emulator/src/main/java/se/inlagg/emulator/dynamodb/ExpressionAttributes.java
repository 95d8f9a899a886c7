package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, and which of them its
 * expressions used: DynamoDB refuses both undefined and unused ones.
 */
final class ExpressionAttributes {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Value> values = new HashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();
    private final boolean namesGiven;
    private final boolean valuesGiven;

    ExpressionAttributes(JsonNode request) {
        JsonNode n = request.get("ExpressionAttributeNames");
        JsonNode v = request.get("ExpressionAttributeValues");
        namesGiven = n != null && !n.isNull();
        valuesGiven = v != null && !v.isNull();
        if (namesGiven) {
            n.properties().forEach(e -> names.put(e.getKey(), e.getValue().asText()));
        }
        if (valuesGiven) {
            if (v.isEmpty()) {
                throw ServiceError.validation("ExpressionAttributeValues must not be empty");
            }
            values.putAll(AttributeJson.item(v));
        }
        if (namesGiven && n.isEmpty()) {
            throw ServiceError.validation("ExpressionAttributeNames must not be empty");
        }
    }

    String name(String ref, String expressionKind) {
        String name = names.get(ref);
        if (name == null) {
            throw ServiceError.validation("Invalid " + expressionKind
                    + ": An expression attribute name used in the document path is not defined; attribute name: " + ref);
        }
        usedNames.add(ref);
        return name;
    }

    Value value(String ref, String expressionKind) {
        Value value = values.get(ref);
        if (value == null) {
            throw ServiceError.validation("Invalid " + expressionKind
                    + ": An expression attribute value used in expression is not defined; attribute value: " + ref);
        }
        usedValues.add(ref);
        return value;
    }

    /** Called once every expression of the request is parsed. */
    void checkAllUsed(boolean anyExpression) {
        if (!anyExpression && namesGiven) {
            throw ServiceError.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!anyExpression && valuesGiven) {
            throw ServiceError.validation("ExpressionAttributeValues can only be specified when using expressions");
        }
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw ServiceError.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw ServiceError.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
