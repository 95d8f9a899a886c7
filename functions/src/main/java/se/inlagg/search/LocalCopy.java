package se.inlagg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import se.inlagg.ops.SideBySide;

/**
 * One container's copy of the index, in memory: the files of the manifest it last mirrored, each
 * remembered with the key it came from, so that a newer manifest costs only the objects that are new.
 * A Lambda's /tmp would do as well, but memory is faster to read and needs no cleaning up.
 */
final class LocalCopy {

    final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final String lineage;
    private final Map<String, String> keyOfName = new HashMap<>();
    private Optional<String> tag = Optional.empty();
    private Manifest manifest;

    LocalCopy(String lineage) {
        this.lineage = lineage;
        this.manifest = new Manifest(lineage, 0, Map.of(), Manifest.ANALYSIS);
    }

    String lineage() {
        return lineage;
    }

    /** The version of the manifest this copy mirrors; empty when it mirrors none (new, or after a lost race). */
    Optional<String> tag() {
        return tag;
    }

    Manifest manifest() {
        return manifest;
    }

    /**
     * Objects fetched at once, each a request to S3 that waits mostly on the network: a new container's first search
     * fetches every object of the index (the files the manifest holds cost none; one after a rebuild, more after months
     * of changes), which one after another took a round trip each. Four, as the JDK keeps five connections to a host open between requests,
     * so none is opened only to be closed.
     */
    static final int TRANSFERS_AT_ONCE = 4;

    /**
     * Makes the directory hold exactly the manifest's files: takes the files the manifest holds from it, fetches the
     * other new or changed ones (and any the directory no longer has) side by side, then drops what the manifest no
     * longer names (readers still open on those keep their bytes).
     *
     * @throws IndexFiles.FileGone when a file was removed meanwhile; the caller reads the manifest again
     */
    void mirror(Manifest next, String nextTag, IndexFiles files) {
        if (!next.lineage().equals(lineage)) {
            throw new IllegalArgumentException("a copy mirrors one lineage; start a new copy for " + next.lineage());
        }
        tag = Optional.empty();
        // A file counts as here only while the directory still has it: the indexer's own commit may have replaced one
        // (a merge, a newer list of deleted posts) that the manifest of a writer that won a race still names.
        Set<String> here = names();
        List<Map.Entry<String, Manifest.FileRef>> wanted = next.files().entrySet().stream()
                .filter(e -> !here.contains(e.getKey()) || !e.getValue().key().equals(keyOfName.get(e.getKey()))).toList();
        // A file the manifest holds costs no request; the others are fetched side by side.
        List<Map.Entry<String, Manifest.FileRef>> stored = wanted.stream().filter(e -> e.getValue().inline().isEmpty()).toList();
        List<byte[]> fetched = SideBySide.all(stored.stream().map(e -> (Callable<byte[]>) () -> files.read(e.getValue().key())).toList(),
                TRANSFERS_AT_ONCE);
        for (int i = 0; i < stored.size(); i++) {
            store(stored.get(i).getKey(), stored.get(i).getValue().key(), fetched.get(i), here);
        }
        wanted.stream().filter(e -> e.getValue().inline().isPresent())
                .forEach(e -> store(e.getKey(), e.getValue().key(), e.getValue().inlineBytes(), here));
        dropAllBut(next.files().keySet());
        manifest = next;
        tag = Optional.of(nextTag);
    }

    /**
     * Takes a manifest this copy's own writer made and stored: the files are here already. Without its tag (another
     * writer's commit may have followed it), the next read of the manifest fetches it whole and mirrors it.
     */
    void adopt(Manifest next, Optional<String> nextTag) {
        next.files().forEach((name, ref) -> keyOfName.put(name, ref.key()));
        manifest = next;
        tag = nextTag;
    }

    /** After losing a race: the next read of the manifest must fetch it whole and mirror it. */
    void forget() {
        tag = Optional.empty();
    }

    void remember(String name, String key) {
        keyOfName.put(name, key);
    }

    byte[] bytes(String name) {
        try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
            byte[] bytes = new byte[Math.toIntExact(in.length())];
            in.readBytes(bytes, 0, bytes.length);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> names() {
        try {
            return Set.of(directory.listAll());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one file of the manifest; {@code here}, the directory's files before this mirror, says whether it replaces one. */
    private void store(String name, String key, byte[] bytes, Set<String> here) {
        keyOfName.put(name, key);
        try {
            if (here.contains(name)) {
                directory.deleteFile(name);
            }
            try (IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
                out.writeBytes(bytes, bytes.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dropAllBut(Set<String> names) {
        try {
            for (String name : directory.listAll()) {
                if (!names.contains(name)) {
                    directory.deleteFile(name);
                    keyOfName.remove(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keyOfName.keySet().retainAll(new HashSet<>(names));
    }
}
