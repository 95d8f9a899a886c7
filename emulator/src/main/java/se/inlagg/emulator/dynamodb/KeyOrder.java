package se.inlagg.emulator.dynamodb;

import java.util.Comparator;
import se.inlagg.emulator.Utf8Order;

/**
 * DynamoDB's order of scalar values, used for sort keys and for {@code <} in expressions:
 * strings by their UTF-8 bytes (the same as by code points), numbers by value, binary unsigned.
 * {@link Value.Null} stands for "no sort key" and sorts first.
 */
final class KeyOrder implements Comparator<Value> {

    static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    /** Whether {@code <}, {@code >} and BETWEEN can order two values: both S, both N or both B. */
    static boolean comparable(Value a, Value b) {
        return a.getClass() == b.getClass() && (a instanceof Value.S || a instanceof Value.N || a instanceof Value.B);
    }

    @Override
    public int compare(Value a, Value b) {
        return switch (a) {
            case Value.S s when b instanceof Value.S t -> compareStrings(s.value(), t.value());
            case Value.N n when b instanceof Value.N m -> n.value().compareTo(m.value());
            case Value.B x when b instanceof Value.B y -> x.value().compareTo(y.value());
            case Value.Null ignored when b instanceof Value.Null -> 0;
            default -> Integer.compare(rank(a), rank(b));
        };
    }

    /** UTF-8 byte order, as DynamoDB compares strings. */
    static int compareStrings(String a, String b) {
        return Utf8Order.INSTANCE.compare(a, b);
    }

    private static int rank(Value v) {
        return switch (v) {
            case Value.Null ignored -> 0;
            case Value.B ignored -> 1;
            case Value.N ignored -> 2;
            case Value.S ignored -> 3;
            default -> 4;
        };
    }
}
