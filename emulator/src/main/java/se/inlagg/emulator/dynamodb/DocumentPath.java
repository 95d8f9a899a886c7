package se.inlagg.emulator.dynamodb;

import java.util.List;
import java.util.Map;

/** A path into an item: a top-level name, then map keys (String) and list indexes (Integer). */
record DocumentPath(List<Object> elements) {

    DocumentPath {
        elements = List.copyOf(elements);
    }

    String top() {
        return (String) elements.getFirst();
    }

    boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value at this path, or null where the item has none. */
    Value in(Map<String, Value> item) {
        Value current = item.get(top());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = child(current, elements.get(i));
        }
        return current;
    }

    static Value child(Value container, Object element) {
        if (element instanceof String name && container instanceof Value.M m) {
            return m.values().get(name);
        }
        if (element instanceof Integer index && container instanceof Value.L l) {
            return index < l.values().size() ? l.values().get(index) : null;
        }
        return null;
    }

    /** Whether one path is the other or lies inside it, which DynamoDB refuses within one expression. */
    boolean overlaps(DocumentPath other) {
        int n = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, n).equals(other.elements.subList(0, n));
    }

    /** As DynamoDB names a path in its messages: [a, b, [2]]. */
    String described() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object e = elements.get(i);
            sb.append(e instanceof Integer ? "[" + e + "]" : e);
        }
        return sb.append(']').toString();
    }
}
