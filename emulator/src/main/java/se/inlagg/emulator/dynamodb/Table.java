package se.inlagg.emulator.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table's items and its global secondary indexes, kept in step on every write (unless a test holds
 * the indexes back, {@link EmbeddedDynamoDb#holdIndexes}). Also checks keys the way DynamoDB does before
 * anything is written.
 */
final class Table {

    private TableDefinition definition;
    private final SortedItems items = new SortedItems();
    private final Map<String, SortedItems> indexes = new LinkedHashMap<>();
    /** The index changes held back while the indexes lag ({@link EmbeddedDynamoDb#holdIndexes}), in order; null when they do not. */
    private List<IndexChange> held;
    private long bytes;

    /** One entry put into, or (item null) taken out of, one index. */
    private record IndexChange(SortedItems index, Value partition, EntryKey entry, Map<String, Value> item) {

        void apply() {
            if (item == null) {
                index.remove(partition, entry);
            } else {
                index.put(partition, entry, item);
            }
        }
    }

    Table(TableDefinition definition) {
        this.definition = definition;
        definition.indexes().forEach(i -> indexes.put(i.name(), new SortedItems()));
    }

    TableDefinition definition() {
        return definition;
    }

    /** Stream, TTL and billing changes; the keys and indexes stay as they were created. */
    void redefine(TableDefinition changed) {
        this.definition = changed;
    }

    KeySchema key() {
        return definition.key();
    }

    long itemCount() {
        return items.count();
    }

    long sizeBytes() {
        return bytes;
    }

    long indexCount(String index) {
        return indexes.get(index).count();
    }

    SortedItems items() {
        return items;
    }

    SortedItems index(String name) {
        return indexes.get(name);
    }

    /** From now on the indexes keep answering as they are: each write's index changes wait for {@link #releaseIndexes}. */
    void holdIndexes() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** Applies the held index changes in the order they were made, and keeps the indexes in step again. */
    void releaseIndexes() {
        if (held != null) {
            held.forEach(IndexChange::apply);
            held = null;
        }
    }

    private void change(IndexChange c) {
        if (held != null) {
            held.add(c);
        } else {
            c.apply();
        }
    }

    Map<String, Value> get(ItemKey key) {
        return items.get(key.partition(), key.entry());
    }

    /** Stores an item (or deletes it, for null) and returns the item it replaced. */
    Map<String, Value> write(ItemKey key, Map<String, Value> item) {
        Map<String, Value> old = get(key);
        if (old != null) {
            items.remove(key.partition(), key.entry());
            bytes -= ItemSize.of(old);
        }
        if (item != null) {
            items.put(key.partition(), key.entry(), item);
            bytes += ItemSize.of(item);
        }
        for (IndexDefinition index : definition.indexes()) {
            SortedItems store = indexes.get(index.name());
            EntryKey before = old == null ? null : index.entryOf(old, key);
            if (before != null) {
                change(new IndexChange(store, old.get(index.key().hash()), before, null));
            }
            EntryKey after = item == null ? null : index.entryOf(item, key);
            if (after != null) {
                change(new IndexChange(store, item.get(index.key().hash()), after, item));
            }
        }
        return old;
    }

    /** The key of an item to be stored (PutItem), with DynamoDB's checks of table and index keys. */
    ItemKey keyOfItem(Map<String, Value> item) {
        KeySchema k = key();
        Value partition = item.get(k.hash());
        checkItemKey(k.hash(), k.hashType(), partition);
        Value sort = Value.NULL;
        if (k.hasRange()) {
            sort = item.get(k.range());
            checkItemKey(k.range(), k.rangeType(), sort);
        }
        checkKeySizes(partition, sort);
        checkIndexKeys(item);
        return new ItemKey(partition, sort);
    }

    void checkIndexKeys(Map<String, Value> item) {
        for (IndexDefinition index : definition.indexes()) {
            checkIndexKey(index, index.key().hash(), index.key().hashType(), item.get(index.key().hash()));
            if (index.key().hasRange()) {
                checkIndexKey(index, index.key().range(), index.key().rangeType(), item.get(index.key().range()));
            }
        }
    }

    private static void checkItemKey(String name, String type, Value v) {
        if (v == null) {
            throw ServiceError.validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
        }
        if (!v.type().equals(type)) {
            throw ServiceError.validation("One or more parameter values were invalid: Type mismatch for key " + name
                    + " expected: " + type + " actual: " + v.type());
        }
        checkNotEmpty(name, v);
    }

    private static void checkIndexKey(IndexDefinition index, String name, String type, Value v) {
        if (v == null) {
            return;
        }
        if (!v.type().equals(type)) {
            throw ServiceError.validation("One or more parameter values were invalid: Type mismatch for Index Key " + name
                    + " Expected: " + type + " Actual: " + v.type() + " IndexName: " + index.name());
        }
        if (ItemSize.of(v) == 0) {
            throw ServiceError.validation("One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                    + "The AttributeValue for a key attribute cannot contain an empty " + (type.equals("S") ? "string" : "binary")
                    + " value. IndexName: " + index.name() + ", IndexKey: " + name);
        }
    }

    private static void checkNotEmpty(String name, Value v) {
        if ((v instanceof Value.S || v instanceof Value.B) && ItemSize.of(v) == 0) {
            throw ServiceError.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                    + (v instanceof Value.S ? "string" : "binary") + " value. Key: " + name);
        }
    }

    private static void checkKeySizes(Value partition, Value sort) {
        if (ItemSize.of(partition) > 2048) {
            throw ServiceError.validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
        if (!(sort instanceof Value.Null) && ItemSize.of(sort) > 1024) {
            throw ServiceError.validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }

    /** A Key parameter (GetItem, UpdateItem, DeleteItem …): exactly the key attributes, of the declared types. */
    ItemKey keyOfKey(Map<String, Value> key) {
        KeySchema k = key();
        int expected = k.hasRange() ? 2 : 1;
        Value partition = key.get(k.hash());
        Value sort = k.hasRange() ? key.get(k.range()) : Value.NULL;
        if (key.size() != expected || partition == null || sort == null
                || !partition.type().equals(k.hashType()) || (k.hasRange() && !sort.type().equals(k.rangeType()))) {
            throw ServiceError.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(k.hash(), partition);
        if (k.hasRange()) {
            checkNotEmpty(k.range(), sort);
        }
        return new ItemKey(partition, sort);
    }
}
