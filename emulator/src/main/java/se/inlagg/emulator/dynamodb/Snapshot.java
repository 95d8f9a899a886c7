package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole state at one sequence number, in {@link Frames}: first
 * {@code {"nextSequence":n,"tables":[definitions],"tokens":[…]}}, then frames of
 * {@code {"table":name,"items":[…]}} with up to 1,000 items each. Written to a temporary file,
 * forced and renamed over the old one, so a crash leaves either the old snapshot or the new one.
 */
final class Snapshot {

    private static final int ITEMS_PER_FRAME = 1000;

    private Snapshot() {
    }

    /** How a snapshot's file is opened for writing: a test's opener fills a disk (FullDiskTest). */
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    static void write(Database db, Path file) throws IOException {
        write(db, file, temporary -> FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    static void write(Database db, Path file, Opener opener) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writeWhole(db, opener.open(temporary));
        } catch (IOException | RuntimeException e) {
            // A write cut short (a full disk) leaves no half file to hold the space the message asks to free.
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException notDeleted) {
                e.addSuppressed(notDeleted);
            }
            throw e;
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Frames.syncDirectory(file.getParent());
    }

    private static void writeWhole(Database db, FileChannel opened) throws IOException {
        try (FileChannel out = opened) {
            ObjectNode header = JsonNodeFactory.instance.objectNode();
            header.put("nextSequence", db.nextSequence());
            ArrayNode definitions = header.putArray("tables");
            db.tables().forEach(t -> definitions.add(t.definition().json()));
            header.set("tokens", db.tokens().json());
            Frames.writeFully(out, Frames.frame(Json.bytes(header)));
            for (Table t : db.tables()) {
                ObjectNode chunk = null;
                for (var item : t.items().all()) {
                    if (chunk == null) {
                        chunk = JsonNodeFactory.instance.objectNode().put("table", t.definition().name());
                        chunk.putArray("items");
                    }
                    ((ArrayNode) chunk.get("items")).add(AttributeJson.json(item));
                    if (chunk.get("items").size() == ITEMS_PER_FRAME) {
                        Frames.writeFully(out, Frames.frame(Json.bytes(chunk)));
                        chunk = null;
                    }
                }
                if (chunk != null) {
                    Frames.writeFully(out, Frames.frame(Json.bytes(chunk)));
                }
            }
            out.force(true);
        }
    }

    private record Chunk(String table, List<Map<String, Value>> items) {
    }

    private static Chunk chunk(byte[] frame) {
        try {
            JsonNode node = Json.MAPPER.readTree(frame);
            List<Map<String, Value>> items = new ArrayList<>();
            node.path("items").forEach(item -> items.add(AttributeJson.item(item)));
            return new Chunk(node.path("table").asText(), items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a snapshot into an empty database; a damaged snapshot stops the start rather than lose data silently. */
    static void load(Database db, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Frames.Read read = Frames.read(file);
        if (read.validLength() != Files.size(file) || read.payloads().isEmpty()) {
            // The journal holds only what came after the snapshot, so the two go away together (with the snapshot moved
            // alone, the next start fails with "Table: PostsTable not found").
            throw new IOException("The DynamoDB snapshot " + file + " is damaged (checksum or length); restore it from a backup, or move"
                    + " the folder " + file.getParent() + " away (the snapshot and the journal after it) to start empty");
        }
        List<byte[]> frames = read.payloads();
        JsonNode header = Json.MAPPER.readTree(frames.getFirst());
        long next = header.path("nextSequence").asLong();
        for (JsonNode definition : header.path("tables")) {
            db.define(TableDefinition.fromJson(definition, "us-east-1", 0), next);
        }
        db.tokens().load(header.path("tokens"));
        // Parsing is most of a start's work and each frame stands alone, so frames are parsed on every core.
        List<Chunk> chunks = frames.subList(1, frames.size()).parallelStream().map(Snapshot::chunk).toList();
        for (Chunk chunk : chunks) {
            Table t = db.table(chunk.table());
            for (Map<String, Value> item : chunk.items()) {
                t.write(t.keyOfItem(item), item);
            }
        }
        db.restoreSequence(next);
    }
}
