package se.inlagg.emulator.dynamodb;

import java.util.HashMap;
import java.util.Map;

/** An item's primary key: the partition key value and the sort key value ({@link Value#NULL} without one). */
record ItemKey(Value partition, Value sort) {

    EntryKey entry() {
        return new EntryKey(sort, Value.NULL, Value.NULL, 0);
    }

    Map<String, Value> attributes(KeySchema schema) {
        Map<String, Value> key = new HashMap<>();
        key.put(schema.hash(), partition);
        if (schema.hasRange()) {
            key.put(schema.range(), sort);
        }
        return key;
    }
}
