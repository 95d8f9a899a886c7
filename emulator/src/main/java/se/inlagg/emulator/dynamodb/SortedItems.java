package se.inlagg.emulator.dynamodb;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Items by partition key, each partition sorted by {@link EntryKey}: the storage of a table and of
 * each index. A Query touches one partition only. Not thread-safe: the emulator's lock guards it.
 */
final class SortedItems {

    private final TreeMap<Value, TreeMap<EntryKey, Map<String, Value>>> partitions = new TreeMap<>(KeyOrder.INSTANCE);
    private long count;

    Map<String, Value> get(Value partition, EntryKey entry) {
        TreeMap<EntryKey, Map<String, Value>> p = partitions.get(partition);
        return p == null ? null : p.get(entry);
    }

    void put(Value partition, EntryKey entry, Map<String, Value> item) {
        if (partitions.computeIfAbsent(partition, k -> new TreeMap<>()).put(entry, item) == null) {
            count++;
        }
    }

    void remove(Value partition, EntryKey entry) {
        TreeMap<EntryKey, Map<String, Value>> p = partitions.get(partition);
        if (p != null && p.remove(entry) != null) {
            count--;
            if (p.isEmpty()) {
                partitions.remove(partition);
            }
        }
    }

    long count() {
        return count;
    }

    /** One partition's entries within a sort range, in either direction, after an optional start key. */
    Iterator<Map.Entry<EntryKey, Map<String, Value>>> query(Value partition, SortRange range, boolean forward, EntryKey after) {
        NavigableMap<EntryKey, Map<String, Value>> m = partitions.get(partition);
        if (m == null) {
            return Collections.emptyIterator();
        }
        if (range.low() != null) {
            m = m.tailMap(range.lowInclusive() ? EntryKey.before(range.low()) : EntryKey.after(range.low()), true);
        }
        if (range.high() != null) {
            m = m.headMap(range.highInclusive() ? EntryKey.after(range.high()) : EntryKey.before(range.high()), true);
        }
        if (after != null) {
            m = forward ? m.tailMap(after, false) : m.headMap(after, false);
        }
        return (forward ? m : m.descendingMap()).entrySet().iterator();
    }

    /** Every entry, partition by partition in key order, after an optional start position. */
    Iterator<Map.Entry<EntryKey, Map<String, Value>>> scan(Value startPartition, EntryKey after) {
        var rest = startPartition == null ? partitions : partitions.tailMap(startPartition, true);
        Iterator<Map.Entry<Value, TreeMap<EntryKey, Map<String, Value>>>> parts = rest.entrySet().iterator();
        return new Iterator<>() {
            private Iterator<Map.Entry<EntryKey, Map<String, Value>>> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && parts.hasNext()) {
                    var p = parts.next();
                    boolean first = after != null && KeyOrder.INSTANCE.compare(p.getKey(), startPartition) == 0;
                    current = (first ? p.getValue().tailMap(after, false) : p.getValue()).entrySet().iterator();
                }
                return current.hasNext();
            }

            @Override
            public Map.Entry<EntryKey, Map<String, Value>> next() {
                hasNext();
                return current.next();
            }
        };
    }

    /** Every item, for snapshots. */
    Iterable<Map<String, Value>> all() {
        return () -> {
            Iterator<Map.Entry<EntryKey, Map<String, Value>>> it = scan(null, null);
            return new Iterator<>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public Map<String, Value> next() {
                    return it.next().getValue();
                }
            };
        };
    }
}
