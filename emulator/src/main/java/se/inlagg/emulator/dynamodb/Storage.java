package se.inlagg.emulator.dynamodb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brings a data folder's state into a database at start (snapshot, then the journal on top), compacts
 * when the journal has outgrown the snapshot, and keeps the journal open for appends.
 */
final class Storage implements AutoCloseable {

    private final DataDirectory directory;
    private final Journal journal;

    private Storage(DataDirectory directory, Journal journal) {
        this.directory = directory;
        this.journal = journal;
    }

    static Storage open(Path dataDir, Database db) throws IOException {
        DataDirectory directory = DataDirectory.open(dataDir);
        try {
            Snapshot.load(db, directory.snapshot());
            Frames.Read journaled = Frames.read(directory.journal());
            for (byte[] payload : journaled.payloads()) {
                db.replay(JournalRecord.decode(Json.MAPPER.readTree(payload), db::table));
            }
            Journal journal = new Journal(directory.journal(), journaled.validLength());
            long snapshotSize = Files.exists(directory.snapshot()) ? Files.size(directory.snapshot()) : 0;
            if (journal.size() > snapshotSize) {
                // Snapshot first, journal cleared after: a crash in between replays records the snapshot
                // already holds, and replay skips those by their sequence numbers.
                Snapshot.write(db, directory.snapshot());
                journal.clear();
            }
            db.attach(journal);
            return new Storage(directory, journal);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    Path folder() {
        return directory.folder();
    }

    @Override
    public void close() throws IOException {
        try {
            journal.close();
        } finally {
            directory.close();
        }
    }
}
