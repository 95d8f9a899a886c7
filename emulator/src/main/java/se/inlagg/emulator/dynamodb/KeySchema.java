package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/** The key attributes of a table or index: a partition (HASH) key and an optional sort (RANGE) key, each S, N or B. */
record KeySchema(String hash, String hashType, String range, String rangeType) {

    boolean hasRange() {
        return range != null;
    }

    boolean isKey(String attribute) {
        return attribute.equals(hash) || attribute.equals(range);
    }

    ArrayNode json() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        a.addObject().put("AttributeName", hash).put("KeyType", "HASH");
        if (hasRange()) {
            a.addObject().put("AttributeName", range).put("KeyType", "RANGE");
        }
        return a;
    }

    /** Whether an item carries both of this schema's keys (the test for a sparse index). */
    boolean presentIn(Map<String, Value> item) {
        return item.containsKey(hash) && (!hasRange() || item.containsKey(range));
    }
}
