package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.emulator.dynamodb.Contract.key;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A disk that fills up while the emulator runs (the local server's data folder, say): the write it
 * cannot journal is answered as a failure, never as done, and leaves no torn record behind, so the
 * writes answered before and after it are all there at the next start.
 */
class FullDiskTest {

    private static final String TABLE = "Full";

    @TempDir
    Path dir;

    @Test
    void aWriteTheDiskHasNoRoomForFailsAndTheJournalStaysWhole() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("dynamodb"));
        Path file = folder.resolve("journal");
        FillingChannel disk = new FillingChannel(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ));
        Database db = new Database(System::currentTimeMillis);
        try (Journal journal = new Journal(disk, 0)) {
            db.attach(journal);
            Dispatcher dynamo = new Dispatcher(db);
            assertEquals(200, createTable(dynamo).status());
            assertEquals(200, put(dynamo, "före").status());

            // Room for part of the next record only, as a disk that fills in the middle of a write.
            disk.room = 10;
            Dispatcher.Answer full = put(dynamo, "under");
            assertEquals(500, full.status(), "not answered as done");
            JsonNode error = Json.read(full.body());
            assertTrue(error.path("__type").asText().endsWith("#InternalServerError"), error.toString());
            assertTrue(error.path("message").asText().contains("No space left on device"), error.toString());
            assertFalse(Json.read(call(dynamo, "GetItem", "{\"TableName\": \"" + TABLE + "\", \"Key\": {\"PK\": {\"S\": \"under\"},"
                    + " \"SK\": {\"S\": \"POST\"}}}").body()).has("Item"), "and not applied either");

            disk.room = Long.MAX_VALUE;
            assertEquals(200, put(dynamo, "efter").status(), "once there is room again, writes go on");
        }

        Frames.Read journaled = Frames.read(file);
        assertEquals(Files.size(file), journaled.validLength(), "no torn record in the journal");
        assertEquals(3, journaled.payloads().size(), "the table and the two writes answered as done");
        try (EmbeddedDynamoDb emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.durable(dir));
             DynamoDbClient client = Contract.client(emulator.endpoint())) {
            for (String answered : new String[] {"före", "efter"}) {
                assertTrue(client.getItem(b -> b.tableName(TABLE).key(key(answered, "POST"))).hasItem(), answered);
            }
            assertFalse(client.getItem(b -> b.tableName(TABLE).key(key("under", "POST"))).hasItem(), "under");
        }
    }

    /**
     * A start refused for a full disk leaves no half-written snapshot.tmp, which would hold the very space the message asks
     * to free. A snapshot cut short is deleted, and the one before it stays as it was.
     */
    @Test
    void aSnapshotTheDiskHasNoRoomForLeavesNoHalfFileAndTheOldOneWhole() throws IOException {
        Path file = dir.resolve("snapshot");
        Database db = new Database(System::currentTimeMillis);
        Dispatcher dynamo = new Dispatcher(db);
        assertEquals(200, createTable(dynamo).status());
        assertEquals(200, put(dynamo, "före").status());
        Snapshot.write(db, file);
        byte[] before = Files.readAllBytes(file);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, put(dynamo, "efter-" + i).status());
        }

        IOException full = assertThrows(IOException.class, () -> Snapshot.write(db, file, temporary -> {
            FillingChannel disk = new FillingChannel(FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING));
            disk.room = before.length;
            return disk;
        }));
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        assertFalse(Files.exists(dir.resolve("snapshot.tmp")), "no half file left to hold the space");
        assertEquals(Arrays.toString(before), Arrays.toString(Files.readAllBytes(file)), "the snapshot before, whole");
    }

    private static Dispatcher.Answer createTable(Dispatcher dynamo) {
        return call(dynamo, "CreateTable", "{\"TableName\": \"" + TABLE + "\", \"BillingMode\": \"PAY_PER_REQUEST\","
                + " \"KeySchema\": [{\"AttributeName\": \"PK\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"SK\", \"KeyType\": \"RANGE\"}],"
                + " \"AttributeDefinitions\": [{\"AttributeName\": \"PK\", \"AttributeType\": \"S\"},"
                + " {\"AttributeName\": \"SK\", \"AttributeType\": \"S\"}]}");
    }

    private static Dispatcher.Answer put(Dispatcher dynamo, String id) {
        return call(dynamo, "PutItem", "{\"TableName\": \"" + TABLE + "\", \"Item\": {\"PK\": {\"S\": \"" + id + "\"},"
                + " \"SK\": {\"S\": \"POST\"}, \"title\": {\"S\": \"" + "Text som tar plats. ".repeat(20) + "\"}}}");
    }

    private static Dispatcher.Answer call(Dispatcher dynamo, String operation, String json) {
        return dynamo.handle("DynamoDB_20120810." + operation, json.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A file on a disk with {@code room} bytes left: a write takes what fits, then fails as Linux fails it (ENOSPC). */
    private static final class FillingChannel extends FileChannel {

        private final FileChannel file;
        long room = Long.MAX_VALUE;

        FillingChannel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (room <= 0 && src.hasRemaining()) {
                throw new IOException("No space left on device");
            }
            ByteBuffer fits = src.slice(src.position(), (int) Math.min(src.remaining(), room));
            int written = file.write(fits);
            src.position(src.position() + written);
            room -= written;
            return written;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long written = 0;
            for (int i = offset; i < offset + length; i++) {
                written += write(srcs[i]);
            }
            return written;
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException("the journal only appends");
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return file.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException("the journal only appends");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
