package se.inlagg.emulator.dynamodb;

import java.util.ArrayList;
import java.util.List;

/** A Query's KeyConditionExpression reduced to what it can be: one partition and a sort key range. */
record KeyCondition(Value partition, SortRange range) {

    private static final String KIND = "KeyConditionExpression";

    static KeyCondition of(Condition condition, KeySchema key) {
        List<Condition> parts = new ArrayList<>();
        flatten(condition, parts);
        Value partition = null;
        SortRange range = null;
        for (Condition part : parts) {
            DocumentPath path = pathOf(part);
            String name = path.top();
            boolean isHash = name.equals(key.hash());
            boolean isRange = key.hasRange() && name.equals(key.range());
            if (!path.isTopLevel() || (!isHash && !isRange)) {
                throw ServiceError.validation("Query key condition not supported");
            }
            if ((isHash && partition != null) || (isRange && range != null)) {
                throw ServiceError.validation("KeyConditionExpressions must only contain one condition per key");
            }
            String type = isHash ? key.hashType() : key.rangeType();
            for (Value v : literals(part)) {
                if (!v.type().equals(type)) {
                    throw ServiceError.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
                }
            }
            if (isHash) {
                if (!(part instanceof Condition.Compare c) || !c.op().equals("=")) {
                    throw ServiceError.validation("Query key condition not supported");
                }
                partition = literals(part).getFirst();
            } else {
                range = rangeOf(part);
            }
        }
        if (partition == null) {
            throw ServiceError.validation("Query condition missed key schema element: " + key.hash());
        }
        return new KeyCondition(partition, range == null ? SortRange.ALL : range);
    }

    private static void flatten(Condition c, List<Condition> parts) {
        switch (c) {
            case Condition.And a -> {
                flatten(a.left(), parts);
                flatten(a.right(), parts);
            }
            case Condition.Or ignored -> throw ServiceError.validation("Invalid operator used in KeyConditionExpression: OR");
            case Condition.Not ignored -> throw ServiceError.validation("Invalid operator used in KeyConditionExpression: NOT");
            default -> parts.add(c);
        }
        if (parts.size() > 2) {
            throw ServiceError.validation("Conditions can be of length 1 or 2 only");
        }
    }

    private static DocumentPath pathOf(Condition c) {
        Operand subject = switch (c) {
            case Condition.Compare cmp -> cmp.left();
            case Condition.Between b -> b.value();
            case Condition.BeginsWith b -> b.value();
            default -> throw ServiceError.validation("Invalid " + KIND + ": operator or function not allowed in a key condition");
        };
        if (!(subject instanceof Operand.Path p)) {
            throw ServiceError.validation("Invalid " + KIND + ": the left side of a key condition must be a key attribute");
        }
        return p.path();
    }

    private static List<Value> literals(Condition c) {
        List<Operand> operands = switch (c) {
            case Condition.Compare cmp -> List.of(cmp.right());
            case Condition.Between b -> List.of(b.low(), b.high());
            case Condition.BeginsWith b -> List.of(b.prefix());
            default -> List.of();
        };
        List<Value> values = new ArrayList<>();
        for (Operand o : operands) {
            if (!(o instanceof Operand.Literal l)) {
                throw ServiceError.validation("Invalid " + KIND + ": a key condition compares a key attribute with a value");
            }
            values.add(l.value());
        }
        return values;
    }

    private static SortRange rangeOf(Condition c) {
        List<Value> v = literals(c);
        return switch (c) {
            case Condition.Compare cmp when cmp.op().equals("<>") ->
                    throw ServiceError.validation("Unsupported operator on KeyConditionExpression: operator: <>");
            case Condition.Compare cmp -> SortRange.of(cmp.op(), v.getFirst());
            case Condition.Between ignored -> SortRange.between(v.get(0), v.get(1));
            default -> SortRange.prefix(v.getFirst());
        };
    }
}
