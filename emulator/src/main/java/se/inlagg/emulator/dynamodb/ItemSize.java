package se.inlagg.emulator.dynamodb;

import java.math.BigDecimal;
import java.util.Map;

/** An item's size by DynamoDB's published rules, which both the 400 KB limit and capacity units use. */
final class ItemSize {

    static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    static int of(Map<String, Value> item) {
        if (item == null) {
            return 0;
        }
        int size = 0;
        for (var e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    static int of(Value value) {
        return switch (value) {
            case Value.S s -> utf8(s.value());
            case Value.N n -> number(n.value());
            case Value.B b -> b.value().length();
            case Value.Bool ignored -> 1;
            case Value.Null ignored -> 1;
            // 3 bytes for the container, 1 byte for each element.
            case Value.L l -> 3 + l.values().stream().mapToInt(v -> 1 + of(v)).sum();
            case Value.M m -> 3 + m.values().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + of(e.getValue())).sum();
            case Value.SS ss -> ss.values().stream().mapToInt(ItemSize::utf8).sum();
            case Value.NS ns -> ns.values().stream().mapToInt(ItemSize::number).sum();
            case Value.BS bs -> bs.values().stream().mapToInt(Bytes::length).sum();
        };
    }

    /** One byte per two significant digits, plus one. */
    private static int number(BigDecimal n) {
        int digits = n.signum() == 0 ? 1 : n.precision();
        return (digits + 1) / 2 + 1;
    }

    static int utf8(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static void checkLimit(Map<String, Value> item) {
        if (of(item) > MAX_ITEM_BYTES) {
            throw ServiceError.validation("Item size has exceeded the maximum allowed size");
        }
    }
}
