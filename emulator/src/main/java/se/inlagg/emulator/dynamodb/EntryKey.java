package se.inlagg.emulator.dynamodb;

/**
 * A position inside one partition: the sort key, then for an index entry the table's keys (an
 * index may hold many items under one index key). A non-zero bias makes a key that falls just
 * before (-1) or just after (+1) every entry with that sort key, for range bounds.
 */
record EntryKey(Value sort, Value tablePartition, Value tableSort, int bias) implements Comparable<EntryKey> {

    static EntryKey before(Value sort) {
        return new EntryKey(sort, Value.NULL, Value.NULL, -1);
    }

    static EntryKey after(Value sort) {
        return new EntryKey(sort, Value.NULL, Value.NULL, 1);
    }

    @Override
    public int compareTo(EntryKey o) {
        int c = KeyOrder.INSTANCE.compare(sort, o.sort);
        if (c != 0) {
            return c;
        }
        if (bias != 0 || o.bias != 0) {
            return Integer.compare(bias, o.bias);
        }
        c = KeyOrder.INSTANCE.compare(tablePartition, o.tablePartition);
        return c != 0 ? c : KeyOrder.INSTANCE.compare(tableSort, o.tableSort);
    }
}
