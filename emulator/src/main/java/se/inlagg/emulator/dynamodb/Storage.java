package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
            if (journaled.wholeFrameAfter()) {
                // Whole frames after the damage: no crash's torn end, and cutting there would drop every acknowledged
                // write after it without a word.
                throw new IOException("The DynamoDB journal " + directory.journal() + " is damaged at byte " + journaled.validLength()
                        + ", with whole records after it (a disk fault, not a crash), so nothing was started or changed. Restore the"
                        + " data folder from a backup; or, to start with the writes before the damage and lose those after it, cut"
                        + " the journal there: truncate -s " + journaled.validLength() + " '" + directory.journal() + "'");
            }
            // JSON parsing in parallel; decoding needs the tables as the replay leaves them, so it stays in order.
            List<JsonNode> records = journaled.payloads().parallelStream().map(Storage::parse).toList();
            for (JsonNode record : records) {
                db.replay(JournalRecord.decode(record, db::table));
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

    private static JsonNode parse(byte[] payload) {
        try {
            return Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
