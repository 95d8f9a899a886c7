package se.inlagg.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7396): objects merge, null removes, anything else replaces. */
final class MergePatch {

    private MergePatch() {
    }

    static ObjectNode apply(ObjectNode target, ObjectNode patch) {
        ObjectNode result = target.deepCopy();
        patch.properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                result.remove(e.getKey());
            } else if (value instanceof ObjectNode p && result.get(e.getKey()) instanceof ObjectNode t) {
                result.set(e.getKey(), apply(t, p));
            } else {
                result.set(e.getKey(), value.deepCopy());
            }
        });
        return result;
    }
}
