package se.inlagg.emulator.dynamodb;

import java.util.Arrays;

/** The sort key condition of a Query: bounds, or a prefix for begins_with; all nulls for the whole partition. */
record SortRange(Value low, boolean lowInclusive, Value high, boolean highInclusive, Value prefix) {

    static final SortRange ALL = new SortRange(null, false, null, false, null);

    static SortRange of(String op, Value v) {
        return switch (op) {
            case "=" -> new SortRange(v, true, v, true, null);
            case "<" -> new SortRange(null, false, v, false, null);
            case "<=" -> new SortRange(null, false, v, true, null);
            case ">" -> new SortRange(v, false, null, false, null);
            default -> new SortRange(v, true, null, false, null);
        };
    }

    static SortRange between(Value low, Value high) {
        return new SortRange(low, true, high, true, null);
    }

    static SortRange prefix(Value prefix) {
        return new SortRange(prefix, true, prefixEnd(prefix), false, prefix);
    }

    /** The least value above every value that starts with a prefix (null when there is none). */
    private static Value prefixEnd(Value prefix) {
        if (prefix instanceof Value.S s) {
            int[] cps = s.value().codePoints().toArray();
            for (int i = cps.length - 1; i >= 0; i--) {
                if (cps[i] < Character.MAX_CODE_POINT) {
                    cps[i]++;
                    if (cps[i] == Character.MIN_SURROGATE) {
                        cps[i] = Character.MAX_SURROGATE + 1;
                    }
                    return new Value.S(new String(cps, 0, i + 1));
                }
            }
            return null;
        }
        byte[] bytes = ((Value.B) prefix).value().data();
        for (int i = bytes.length - 1; i >= 0; i--) {
            if ((bytes[i] & 0xFF) != 0xFF) {
                byte[] end = Arrays.copyOf(bytes, i + 1);
                end[i]++;
                return new Value.B(new Bytes(end));
            }
        }
        return null;
    }
}
