package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * All tables, their streams and the idempotency tokens, behind one read-write lock: reads share it,
 * a write request holds it exclusively from its first check to its commit, so every request
 * (a transaction too) is atomic and isolated. A commit is journaled before it is applied.
 */
final class Database {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Table> tables = new TreeMap<>();
    private final Streams streams = new Streams();
    private final IdempotencyTokens tokens = new IdempotencyTokens();
    private final LongSupplier clock;
    private Journal journal;
    private long nextSequence = 1;
    private boolean indexesHeld;

    Database(LongSupplier clock) {
        this.clock = clock;
    }

    <T> T reading(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T writing(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    long now() {
        return clock.getAsLong();
    }

    Table table(String name) {
        if (name == null) {
            throw ServiceError.validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        }
        Table t = tables.get(name);
        if (t == null) {
            throw ServiceError.tableNotFound(name);
        }
        return t;
    }

    Table tableOrNull(String name) {
        return tables.get(name);
    }

    List<Table> tables() {
        return new ArrayList<>(tables.values());
    }

    Streams streams() {
        return streams;
    }

    IdempotencyTokens tokens() {
        return tokens;
    }

    long nextSequence() {
        return nextSequence;
    }

    void attach(Journal j) {
        this.journal = j;
    }

    /** Journals (and forces) then applies one request's changes. The caller holds the write lock. */
    void commit(List<Mutation> mutations, String token, String fingerprint, ObjectNode answer) {
        if (mutations.isEmpty() && token == null) {
            return;
        }
        long sequence = nextSequence;
        long at = now();
        if (journal != null) {
            journal.append(Json.bytes(JournalRecord.encode(mutations, sequence, at, token, fingerprint, n -> table(n).key())));
        }
        apply(mutations, sequence, at);
        if (token != null) {
            tokens.remember(token, fingerprint, at, answer);
        }
    }

    /** Applies a journal record read at start, unless the snapshot already holds it. */
    void replay(JournalRecord record) {
        if (record.sequence() < nextSequence) {
            return;
        }
        apply(record.mutations(), record.sequence(), record.atMillis());
        if (record.token() != null) {
            tokens.remember(record.token(), record.fingerprint(), record.atMillis(), null);
        }
    }

    private void apply(List<Mutation> mutations, long firstSequence, long at) {
        long sequence = firstSequence;
        for (Mutation m : mutations) {
            switch (m) {
                case Mutation.ItemWrite w -> {
                    Table t = tables.get(w.table());
                    var old = t.write(w.key(), w.item());
                    // DynamoDB Streams writes no record for a put or update that leaves the item as it was.
                    if (old == null ? w.item() != null : !old.equals(w.item())) {
                        streams.record(w.table(), sequence, at, w.key().attributes(t.key()), old, w.item());
                    }
                }
                case Mutation.TableWrite d -> define(d.definition(), sequence);
                case Mutation.TableDrop d -> {
                    Table gone = tables.remove(d.name());
                    if (gone != null) {
                        streams.follow(gone.definition(), null, sequence);
                    }
                }
            }
            sequence++;
        }
        nextSequence = sequence;
    }

    /** Creates a table, or takes a new definition of an existing one; used by snapshots as well. */
    void define(TableDefinition definition, long sequence) {
        Table existing = tables.get(definition.name());
        if (existing == null) {
            Table created = new Table(definition);
            if (indexesHeld) {
                created.holdIndexes();
            }
            tables.put(definition.name(), created);
            streams.follow(null, definition, sequence);
        } else {
            TableDefinition before = existing.definition();
            existing.redefine(definition);
            streams.follow(before, definition, sequence);
        }
    }

    /** Makes every table's indexes, and those of tables created meanwhile, lag until {@link #releaseIndexes}. */
    void holdIndexes() {
        writing(() -> {
            if (indexesHeld) {
                throw new IllegalStateException("The indexes are held already");
            }
            indexesHeld = true;
            tables.values().forEach(Table::holdIndexes);
            return null;
        });
    }

    /** Brings every index up to date with its table and keeps it so. */
    void releaseIndexes() {
        writing(() -> {
            indexesHeld = false;
            tables.values().forEach(Table::releaseIndexes);
            return null;
        });
    }

    void restoreSequence(long next) {
        nextSequence = next;
    }
}
