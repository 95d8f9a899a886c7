package se.inlagg.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Merge Patch (RFC 7396): objects merge, null removes, anything else replaces. */
final class MergePatch {

    private MergePatch() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(target);
        patch.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> p && result.get(key) instanceof Map<?, ?> t) {
                result.put(key, apply((Map<String, Object>) t, (Map<String, Object>) p));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }
}
