package se.inlagg.emulator.dynamodb;

import java.util.Map;

/** Decides a condition against an item (an absent item is an empty one), with DynamoDB's typing rules. */
final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    static boolean test(Condition condition, Map<String, Value> item) {
        Map<String, Value> it = item == null ? Map.of() : item;
        return switch (condition) {
            case Condition.And a -> test(a.left(), it) && test(a.right(), it);
            case Condition.Or o -> test(o.left(), it) || test(o.right(), it);
            case Condition.Not n -> !test(n.inner(), it);
            case Condition.Exists e -> e.path().in(it) != null;
            case Condition.NotExists e -> e.path().in(it) == null;
            case Condition.TypeIs t -> {
                Value v = t.path().in(it);
                yield v != null && value(t.type(), it) instanceof Value.S s && v.type().equals(s.value());
            }
            case Condition.Compare c -> compare(c.op(), value(c.left(), it), value(c.right(), it));
            case Condition.Between b -> between(value(b.value(), it), value(b.low(), it), value(b.high(), it));
            case Condition.In in -> {
                Value v = value(in.value(), it);
                yield v != null && in.candidates().stream().anyMatch(c -> v.equals(value(c, it)));
            }
            case Condition.BeginsWith b -> beginsWith(value(b.value(), it), value(b.prefix(), it));
            case Condition.Contains c -> contains(value(c.value(), it), value(c.part(), it));
        };
    }

    /** The value of an operand in a condition, or null where the item lacks it. */
    static Value value(Operand operand, Map<String, Value> item) {
        return switch (operand) {
            case Operand.Literal l -> l.value();
            case Operand.Path p -> p.path().in(item);
            case Operand.Size s -> size(s.path().in(item));
            default -> throw ServiceError.validation("Invalid ConditionExpression: operand not allowed here");
        };
    }

    private static Value size(Value v) {
        if (v == null) {
            return null;
        }
        long size = switch (v) {
            case Value.S s -> s.value().codePointCount(0, s.value().length());
            case Value.B b -> b.value().length();
            case Value.SS ss -> ss.values().size();
            case Value.NS ns -> ns.values().size();
            case Value.BS bs -> bs.values().size();
            case Value.L l -> l.values().size();
            case Value.M m -> m.values().size();
            default -> -1;
        };
        return size < 0 ? null : Value.n(size);
    }

    static boolean compare(String op, Value a, Value b) {
        if (op.equals("<>")) {
            return a == null || b == null || !a.equals(b);
        }
        if (a == null || b == null) {
            return false;
        }
        if (op.equals("=")) {
            return a.equals(b);
        }
        if (!KeyOrder.comparable(a, b)) {
            return false;
        }
        int c = KeyOrder.INSTANCE.compare(a, b);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static boolean between(Value v, Value low, Value high) {
        if (v == null || low == null || high == null || !KeyOrder.comparable(v, low) || !KeyOrder.comparable(v, high)) {
            return false;
        }
        return KeyOrder.INSTANCE.compare(low, v) <= 0 && KeyOrder.INSTANCE.compare(v, high) <= 0;
    }

    static boolean beginsWith(Value v, Value prefix) {
        if (v instanceof Value.S s && prefix instanceof Value.S p) {
            return s.value().startsWith(p.value());
        }
        if (v instanceof Value.B b && prefix instanceof Value.B p) {
            return b.value().startsWith(p.value());
        }
        return false;
    }

    private static boolean contains(Value v, Value part) {
        if (v == null || part == null) {
            return false;
        }
        return switch (v) {
            case Value.S s -> part instanceof Value.S p && s.value().contains(p.value());
            case Value.B b -> part instanceof Value.B p && b.value().contains(p.value());
            case Value.SS ss -> part instanceof Value.S p && ss.values().contains(p.value());
            case Value.NS ns -> part instanceof Value.N p && ns.values().contains(p.value());
            case Value.BS bs -> part instanceof Value.B p && bs.values().contains(p.value());
            case Value.L l -> l.values().contains(part);
            default -> false;
        };
    }
}
