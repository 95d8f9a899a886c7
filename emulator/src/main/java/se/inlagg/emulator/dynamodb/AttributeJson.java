package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** DynamoDB's JSON form of attribute values ({"S":"…"}, {"N":"…"}, …), read with DynamoDB's checks and written back. */
final class AttributeJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AttributeJson() {
    }

    /** An item (or key) map; an absent node is an empty item. */
    static Map<String, Value> item(JsonNode node) {
        Map<String, Value> item = new HashMap<>();
        if (node == null || node.isNull()) {
            return item;
        }
        if (!node.isObject()) {
            throw ServiceError.serialization("Expected an object of attribute values");
        }
        for (var e : node.properties()) {
            item.put(e.getKey(), value(e.getValue()));
        }
        return item;
    }

    static Value value(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw ServiceError.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (node.size() > 1) {
            throw ServiceError.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        var entry = node.properties().iterator().next();
        JsonNode v = entry.getValue();
        return switch (entry.getKey()) {
            case "S" -> new Value.S(text(v));
            case "N" -> new Value.N(Numbers.parse(text(v)));
            case "B" -> new Value.B(Bytes.fromBase64(text(v)));
            case "BOOL" -> new Value.Bool(v.asBoolean());
            case "NULL" -> {
                if (!v.asBoolean()) {
                    throw ServiceError.validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                yield Value.NULL;
            }
            case "L" -> {
                List<Value> list = new ArrayList<>();
                array(v).forEach(e -> list.add(value(e)));
                yield new Value.L(list);
            }
            case "M" -> {
                Map<String, Value> map = new LinkedHashMap<>();
                v.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
                yield new Value.M(map);
            }
            case "SS" -> new Value.SS(set(v, "string", JsonNode::asText));
            case "NS" -> new Value.NS(set(v, "number", e -> Numbers.parse(e.asText())));
            case "BS" -> new Value.BS(set(v, "binary", e -> Bytes.fromBase64(e.asText())));
            default -> throw ServiceError.serialization("Unknown attribute value type: " + entry.getKey());
        };
    }

    private static String text(JsonNode v) {
        if (!v.isTextual()) {
            throw ServiceError.serialization("Expected a string attribute value");
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode v) {
        if (!v.isArray()) {
            throw ServiceError.serialization("Expected a list");
        }
        return v;
    }

    private static <T> Set<T> set(JsonNode v, String kind, Function<JsonNode, T> element) {
        Set<T> set = new LinkedHashSet<>();
        for (JsonNode e : array(v)) {
            if (!set.add(element.apply(e))) {
                throw ServiceError.validation("One or more parameter values were invalid: Input collection " + v + " contains duplicates.");
            }
        }
        if (set.isEmpty()) {
            throw ServiceError.validation("One or more parameter values were invalid: An " + kind + " set  may not be empty");
        }
        return set;
    }

    static ObjectNode json(Map<String, Value> item) {
        ObjectNode node = JSON.objectNode();
        item.forEach((name, value) -> node.set(name, json(value)));
        return node;
    }

    static ObjectNode json(Value value) {
        ObjectNode node = JSON.objectNode();
        switch (value) {
            case Value.S s -> node.put("S", s.value());
            case Value.N n -> node.put("N", Numbers.text(n.value()));
            case Value.B b -> node.put("B", b.value().base64());
            case Value.Bool b -> node.put("BOOL", b.value());
            case Value.Null ignored -> node.put("NULL", true);
            case Value.L l -> {
                ArrayNode a = node.putArray("L");
                l.values().forEach(e -> a.add(json(e)));
            }
            case Value.M m -> node.set("M", json(m.values()));
            case Value.SS ss -> {
                ArrayNode a = node.putArray("SS");
                ss.values().forEach(a::add);
            }
            case Value.NS ns -> {
                ArrayNode a = node.putArray("NS");
                for (BigDecimal n : ns.values()) {
                    a.add(Numbers.text(n));
                }
            }
            case Value.BS bs -> {
                ArrayNode a = node.putArray("BS");
                bs.values().forEach(b -> a.add(b.base64()));
            }
        }
        return node;
    }
}
