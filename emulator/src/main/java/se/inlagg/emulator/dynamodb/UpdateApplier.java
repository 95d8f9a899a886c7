package se.inlagg.emulator.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Applies an update expression to an item and returns the new item. Every operand is read from the
 * item as it was before the update, as DynamoDB does; stored items are never changed in place.
 */
final class UpdateApplier {

    private UpdateApplier() {
    }

    static Map<String, Value> apply(UpdateExpression update, Map<String, Value> before) {
        Map<String, Value> original = before == null ? Map.of() : before;
        Map<String, Value> item = new HashMap<>(original);
        List<UpdateExpression.Remove> removes = new ArrayList<>();
        for (UpdateExpression.Action action : update.actions()) {
            switch (action) {
                case UpdateExpression.Set set -> {
                    Value v = value(set.value(), original);
                    write(item, set.path(), old -> v);
                }
                case UpdateExpression.Add add -> write(item, add.path(), old -> add(old, add.value()));
                case UpdateExpression.Delete delete -> write(item, delete.path(), old -> delete(old, delete.value()));
                case UpdateExpression.Remove remove -> removes.add(remove);
            }
        }
        // Highest list index first, so that each index still means what it meant in the original list.
        removes.sort(Comparator.comparing(UpdateExpression.Remove::path, UpdateApplier::pathOrder).reversed());
        for (UpdateExpression.Remove remove : removes) {
            write(item, remove.path(), old -> null);
        }
        return item;
    }

    private static int pathOrder(DocumentPath a, DocumentPath b) {
        int n = Math.min(a.elements().size(), b.elements().size());
        for (int i = 0; i < n; i++) {
            Object x = a.elements().get(i);
            Object y = b.elements().get(i);
            int c = x instanceof Integer xi && y instanceof Integer yi ? Integer.compare(xi, yi) : x.toString().compareTo(y.toString());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.elements().size(), b.elements().size());
    }

    private static Value value(Operand operand, Map<String, Value> item) {
        return switch (operand) {
            case Operand.Literal l -> l.value();
            case Operand.Path p -> {
                Value v = p.path().in(item);
                if (v == null) {
                    throw missingAttribute();
                }
                yield v;
            }
            case Operand.IfNotExists f -> {
                Value v = f.path().in(item);
                yield v != null ? v : value(f.fallback(), item);
            }
            case Operand.ListAppend f -> {
                if (!(value(f.first(), item) instanceof Value.L a) || !(value(f.second(), item) instanceof Value.L b)) {
                    throw wrongType();
                }
                List<Value> joined = new ArrayList<>(a.values());
                joined.addAll(b.values());
                yield new Value.L(joined);
            }
            case Operand.Arithmetic f -> {
                if (!(value(f.left(), item) instanceof Value.N a) || !(value(f.right(), item) instanceof Value.N b)) {
                    throw wrongType();
                }
                BigDecimal result = f.op() == '+' ? a.value().add(b.value()) : a.value().subtract(b.value());
                yield new Value.N(Numbers.checked(result));
            }
            case Operand.Size ignored -> throw ServiceError.validation("Invalid UpdateExpression: size is not allowed in an update expression");
        };
    }

    private static Value add(Value old, Value delta) {
        if (old == null) {
            return delta;
        }
        return switch (delta) {
            case Value.N d when old instanceof Value.N o -> new Value.N(Numbers.checked(o.value().add(d.value())));
            case Value.SS d when old instanceof Value.SS o -> new Value.SS(union(o.values(), d.values()));
            case Value.NS d when old instanceof Value.NS o -> new Value.NS(union(o.values(), d.values()));
            case Value.BS d when old instanceof Value.BS o -> new Value.BS(union(o.values(), d.values()));
            default -> throw wrongType();
        };
    }

    private static Value delete(Value old, Value removed) {
        if (old == null) {
            return null;
        }
        Value rest = switch (removed) {
            case Value.SS d when old instanceof Value.SS o -> new Value.SS(minus(o.values(), d.values()));
            case Value.NS d when old instanceof Value.NS o -> new Value.NS(minus(o.values(), d.values()));
            case Value.BS d when old instanceof Value.BS o -> new Value.BS(minus(o.values(), d.values()));
            default -> throw wrongType();
        };
        // DynamoDB has no empty sets: taking out the last element removes the attribute.
        return isEmptySet(rest) ? null : rest;
    }

    private static boolean isEmptySet(Value v) {
        return switch (v) {
            case Value.SS s -> s.values().isEmpty();
            case Value.NS s -> s.values().isEmpty();
            case Value.BS s -> s.values().isEmpty();
            default -> false;
        };
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> m = new LinkedHashSet<>(a);
        m.removeAll(b);
        return m;
    }

    /** Replaces the value at a path (null removes it); the path's parents must exist. */
    private static void write(Map<String, Value> item, DocumentPath path, UnaryOperator<Value> change) {
        String top = path.top();
        if (path.isTopLevel()) {
            put(item, top, change.apply(item.get(top)));
            return;
        }
        Value parent = item.get(top);
        if (parent == null) {
            throw invalidPath();
        }
        item.put(top, rewrite(parent, path.elements(), 1, change));
    }

    private static Value rewrite(Value container, List<Object> path, int i, UnaryOperator<Value> change) {
        Object element = path.get(i);
        boolean last = i == path.size() - 1;
        if (element instanceof String name && container instanceof Value.M m) {
            Map<String, Value> copy = new LinkedHashMap<>(m.values());
            Value child = copy.get(name);
            if (!last && child == null) {
                throw invalidPath();
            }
            put(copy, name, last ? change.apply(child) : rewrite(child, path, i + 1, change));
            return new Value.M(copy);
        }
        if (element instanceof Integer index && container instanceof Value.L l) {
            List<Value> copy = new ArrayList<>(l.values());
            Value child = index < copy.size() ? copy.get(index) : null;
            if (!last && child == null) {
                throw invalidPath();
            }
            Value replaced = last ? change.apply(child) : rewrite(child, path, i + 1, change);
            if (index < copy.size()) {
                if (replaced == null) {
                    copy.remove((int) index);
                } else {
                    copy.set(index, replaced);
                }
            } else if (replaced != null) {
                copy.add(replaced);
            }
            return new Value.L(copy);
        }
        throw invalidPath();
    }

    private static void put(Map<String, Value> map, String name, Value value) {
        if (value == null) {
            map.remove(name);
        } else {
            map.put(name, value);
        }
    }

    private static ServiceError invalidPath() {
        return ServiceError.validation("The document path provided in the update expression is invalid for update");
    }

    private static ServiceError missingAttribute() {
        return ServiceError.validation("The provided expression refers to an attribute that does not exist in the item");
    }

    private static ServiceError wrongType() {
        return ServiceError.validation("An operand in the update expression has an incorrect data type");
    }
}
