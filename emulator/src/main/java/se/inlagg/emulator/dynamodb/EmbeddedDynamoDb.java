package se.inlagg.emulator.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * An embedded DynamoDB (with DynamoDB Streams) on a loopback HTTP port, for the local server and
 * tests, so that no vendor-licensed DynamoDB Local is needed. Any AWS SDK client works against
 * {@link #endpoint()} with any region and any static credentials; signatures are not checked.
 *
 * <pre>{@code
 * try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dataDir))) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(db.endpoint()) … .build();
 * }
 * }</pre>
 *
 * <p>Durable data lives in {@code dataDir/dynamodb/}: a snapshot and a journal forced to disk before
 * each write is answered, so an acknowledged write survives a crash. One process at a time may
 * use a data folder ({@link DataDirectoryInUseException} otherwise).
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    /**
     * Where the emulator keeps its data (a folder, or nothing for in-memory) and which port it serves,
     * so that callers say what they want without a constructor per combination.
     *
     * @param dataDir the folder under which {@code dynamodb/} is kept, or null for in-memory
     * @param port the loopback port, or 0 for a free one
     */
    public record Options(Path dataDir, int port) {

        public static Options durable(Path dataDir) {
            return new Options(dataDir, 0);
        }

        public static Options inMemory() {
            return new Options(null, 0);
        }

        public Options withPort(int port) {
            return new Options(dataDir, port);
        }
    }

    private final Database db;
    private final HttpFront front;
    private final Storage storage;

    private EmbeddedDynamoDb(Database db, HttpFront front, Storage storage) {
        this.db = db;
        this.front = front;
        this.storage = storage;
    }

    /**
     * Loads the data folder (if any) and starts serving.
     *
     * @throws DataDirectoryInUseException when another process serves the same data folder
     * @throws UncheckedIOException when the folder cannot be read or the port cannot be bound
     */
    public static EmbeddedDynamoDb start(Options options) {
        return start(options, System::currentTimeMillis);
    }

    static EmbeddedDynamoDb start(Options options, LongSupplier clock) {
        Database db = new Database(clock);
        Storage storage = null;
        try {
            if (options.dataDir() != null) {
                storage = Storage.open(options.dataDir(), db);
            }
            return new EmbeddedDynamoDb(db, new HttpFront(options.port(), new Dispatcher(db)), storage);
        } catch (IOException e) {
            closeQuietly(storage);
            throw new UncheckedIOException("Could not start the embedded DynamoDB: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(storage);
            throw e;
        }
    }

    private static void closeQuietly(Storage storage) {
        if (storage != null) {
            try {
                storage.close();
            } catch (IOException ignored) {
                // Already failing; the first error is the one to report.
            }
        }
    }

    /** {@code http://127.0.0.1:<port>}, speaking the DynamoDB and DynamoDB Streams JSON 1.0 protocol. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + front.port());
    }

    /**
     * For tests: makes the global secondary indexes lag, as DynamoDB's do (an index follows its table
     * asynchronously, typically within a second, and a Query or Scan of an index cannot be consistent).
     * Until the hold is released, a Query or Scan of any index (and DescribeTable's index counts)
     * answers from the index as it was when the hold began; the table itself, its reads, conditions,
     * transactions and stream are as ever. Releasing applies every held change in order. Off unless
     * asked for; nothing changes when no hold is open. One hold at a time.
     *
     * <pre>{@code
     * try (var lag = db.holdIndexes()) {
     *     // writes here reach the table at once, its indexes only when lag is closed
     * }
     * }</pre>
     *
     * @throws IllegalStateException when a hold is open already
     */
    public IndexHold holdIndexes() {
        db.holdIndexes();
        return new IndexHold(db);
    }

    /** An open hold of the indexes ({@link #holdIndexes}); closing it (once is enough) brings them up to date. */
    public static final class IndexHold implements AutoCloseable {

        private final Database db;
        private boolean released;

        private IndexHold(Database db) {
            this.db = db;
        }

        /** Applies the writes made since the hold began to the indexes, which follow their tables at once again. */
        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                db.releaseIndexes();
            }
        }
    }

    /** Stops serving, then closes the journal and releases the data folder. */
    @Override
    public void close() {
        front.close();
        if (storage != null) {
            try {
                storage.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
