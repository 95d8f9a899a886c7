package se.inlagg.emulator.dynamodb;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value. Immutable, so stored items can be shared with readers without
 * copies; equality is DynamoDB's (numbers by value, sets regardless of order).
 */
sealed interface Value {

    /** The DynamoDB type descriptor: S, N, B, BOOL, NULL, L, M, SS, NS or BS. */
    String type();

    /** How DynamoDB's messages show a value: scalars bare, the rest as JSON. */
    default String display() {
        return switch (this) {
            case S s -> s.value();
            case N n -> Numbers.text(n.value());
            case B b -> b.value().base64();
            default -> AttributeJson.json(this).toString();
        };
    }

    record S(String value) implements Value {
        public String type() {
            return "S";
        }
    }

    /** Kept without trailing zeros, so that 1.50 and 1.5 are one value, as in DynamoDB. */
    record N(BigDecimal value) implements Value {
        public N {
            value = Numbers.canonical(value);
        }

        public String type() {
            return "N";
        }
    }

    record B(Bytes value) implements Value {
        public String type() {
            return "B";
        }
    }

    record Bool(boolean value) implements Value {
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements Value {
        public String type() {
            return "NULL";
        }
    }

    record L(List<Value> values) implements Value {
        public L {
            values = List.copyOf(values);
        }

        public String type() {
            return "L";
        }
    }

    record M(Map<String, Value> values) implements Value {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public String type() {
            return "M";
        }
    }

    record SS(Set<String> values) implements Value {
        public SS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "SS";
        }
    }

    record NS(Set<BigDecimal> values) implements Value {
        public NS {
            LinkedHashSet<BigDecimal> canonical = new LinkedHashSet<>();
            values.forEach(v -> canonical.add(Numbers.canonical(v)));
            values = Collections.unmodifiableSet(canonical);
        }

        public String type() {
            return "NS";
        }
    }

    record BS(Set<Bytes> values) implements Value {
        public BS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "BS";
        }
    }

    Null NULL = new Null();

    static Value.S s(String value) {
        return new S(value);
    }

    static Value.N n(long value) {
        return new N(BigDecimal.valueOf(value));
    }
}
