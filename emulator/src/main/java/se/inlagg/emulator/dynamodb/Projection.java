package se.inlagg.emulator.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of an item that a list of paths selects (ProjectionExpression, UPDATED_OLD/NEW).
 * Selected list elements keep their order and close up, as in DynamoDB.
 */
final class Projection {

    private Projection() {
    }

    static Map<String, Value> of(Map<String, Value> item, List<DocumentPath> paths) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (DocumentPath path : paths) {
            Value top = item.get(path.top());
            if (top != null) {
                Object picked = pick(top, path.elements(), 1);
                if (picked != null) {
                    tree.put(path.top(), merge(tree.get(path.top()), picked));
                }
            }
        }
        Map<String, Value> result = new HashMap<>();
        tree.forEach((name, node) -> result.put(name, build(node)));
        return result;
    }

    /** A tree holding only the path: maps as LinkedHashMap, list elements as TreeMap by index, leaves as Value. */
    private static Object pick(Value v, List<Object> path, int i) {
        if (i == path.size()) {
            return v;
        }
        Object element = path.get(i);
        Value child = DocumentPath.child(v, element);
        if (child == null) {
            return null;
        }
        Object picked = pick(child, path, i + 1);
        if (picked == null) {
            return null;
        }
        if (element instanceof Integer index) {
            TreeMap<Integer, Object> list = new TreeMap<>();
            list.put(index, picked);
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put((String) element, picked);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object a, Object b) {
        if (a == null) {
            return b;
        }
        if (a instanceof TreeMap<?, ?> x && b instanceof TreeMap<?, ?> y) {
            TreeMap<Integer, Object> m = new TreeMap<>((TreeMap<Integer, Object>) x);
            ((TreeMap<Integer, Object>) y).forEach((k, v) -> m.merge(k, v, Projection::merge));
            return m;
        }
        if (a instanceof LinkedHashMap<?, ?> x && b instanceof LinkedHashMap<?, ?> y) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) x);
            ((Map<String, Object>) y).forEach((k, v) -> m.merge(k, v, Projection::merge));
            return m;
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    private static Value build(Object node) {
        if (node instanceof Value v) {
            return v;
        }
        if (node instanceof TreeMap<?, ?> list) {
            List<Value> values = new ArrayList<>();
            list.values().forEach(e -> values.add(build(e)));
            return new Value.L(values);
        }
        Map<String, Value> map = new LinkedHashMap<>();
        ((Map<String, Object>) node).forEach((k, e) -> map.put(k, build(e)));
        return new Value.M(map);
    }
}
