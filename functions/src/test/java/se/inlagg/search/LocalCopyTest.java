package se.inlagg.search;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A container's copy of the index follows the manifests it reads: it holds exactly the files of the last one, each as
 * stored under the key that manifest names, fetching only what it lacks. A copy that kept the files later manifests
 * dropped would grow with every merge for as long as the container stays warm.
 */
class LocalCopyTest {

    final InMemoryIndexFiles files = new InMemoryIndexFiles();

    Manifest.FileRef stored(String key, String text) {
        files.files.put(key, text.getBytes(UTF_8));
        return Manifest.FileRef.stored(key, text.length());
    }

    static Manifest manifest(long generation, Map<String, Manifest.FileRef> refs) {
        return new Manifest("lineage", generation, refs, Manifest.ANALYSIS);
    }

    @Test
    void aNewerManifestLeavesTheCopyHoldingExactlyItsFiles() throws Exception {
        LocalCopy copy = new LocalCopy("lineage");
        copy.mirror(manifest(1, Map.of("_0.cfs", stored("k0", "segment 0"), "segments_1", stored("k1", "commit 1"))), "\"v1\"", files);
        copy.mirror(manifest(2, Map.of("_0.cfs", stored("k0", "segment 0"), "_1.cfs", stored("k2", "segment 1"),
                "segments_2", Manifest.FileRef.inline("inline/k3", "commit 2".getBytes(UTF_8)))), "\"v2\"", files);

        assertEquals(List.of("_0.cfs", "_1.cfs", "segments_2"), List.of(copy.directory.listAll()), "the older commit's file is gone");
        assertEquals("commit 2", new String(copy.bytes("segments_2"), UTF_8));
        assertEquals(3, files.fileReads.get(), "the file both manifests name under one key is fetched once; the inline one never");
    }

    /**
     * Two writers that raced from one commit name their files alike (Lucene numbers them from the commit they opened): the
     * winner's file under the loser's name is another file, told by its key, and a copy that kept the loser's would search
     * an index no manifest describes.
     */
    @Test
    void aFileTheNewerManifestNamesUnderAnotherKeyIsFetchedAgain() {
        LocalCopy copy = new LocalCopy("lineage");
        copy.mirror(manifest(1, Map.of("_1.cfs", stored("loser", "the loser's segment"))), "\"v1\"", files);
        copy.mirror(manifest(2, Map.of("_1.cfs", stored("winner", "the winner's segment"))), "\"v2\"", files);

        assertArrayEquals("the winner's segment".getBytes(UTF_8), copy.bytes("_1.cfs"));
    }

    /** The indexer's own commit may delete a file the next manifest still names under the key the copy remembers. */
    @Test
    void aFileTheDirectoryNoLongerHasIsFetchedAgainThoughItsKeyIsUnchanged() throws Exception {
        LocalCopy copy = new LocalCopy("lineage");
        Manifest first = manifest(1, Map.of("_0.cfs", stored("k0", "segment 0")));
        copy.mirror(first, "\"v1\"", files);
        copy.directory.deleteFile("_0.cfs");

        copy.mirror(first, "\"v1\"", files);

        assertArrayEquals("segment 0".getBytes(UTF_8), copy.bytes("_0.cfs"));
    }
}
