package se.inlagg.emulator.dynamodb;

import java.util.Map;

/** One change a committed request makes: an item stored or deleted, a table defined or dropped. */
sealed interface Mutation {

    /** {@code item} null deletes; {@code old} is the item it replaces, known when the change was planned. */
    record ItemWrite(String table, ItemKey key, Map<String, Value> old, Map<String, Value> item) implements Mutation {
    }

    record TableWrite(TableDefinition definition) implements Mutation {
    }

    record TableDrop(String name) implements Mutation {
    }
}
