package se.inlagg.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The index's manifest in the bucket: replaced only where it is still the version the writer read. */
class S3IndexFilesTest {

    /** A bucket that holds its conditions as S3 does: If-None-Match: * and If-Match on the ETag. */
    static final class ConditionalBucket implements BucketObjects {
        final Map<String, byte[]> objects = new HashMap<>();
        final Map<String, String> etags = new HashMap<>();
        int versions;

        @Override
        public synchronized Answer get(String key, Optional<String> ifNoneMatch) {
            if (!objects.containsKey(key)) {
                return Answer.notFound();
            }
            return ifNoneMatch.equals(Optional.of(etags.get(key))) ? Answer.notModified() : new Answer(Answer.OK, objects.get(key), etags.get(key));
        }

        @Override
        public synchronized Optional<String> put(String key, byte[] bytes, String contentType, Condition condition) {
            boolean holds = switch (condition) {
                case Condition.Any any -> true;
                case Condition.Absent absent -> !objects.containsKey(key);
                case Condition.Matching m -> m.etag().equals(etags.get(key));
            };
            if (!holds) {
                return Optional.empty();
            }
            String etag = "\"v" + ++versions + "\"";
            objects.put(key, bytes);
            etags.put(key, etag);
            return Optional.of(etag);
        }

        @Override
        public synchronized void delete(String key) {
            objects.remove(key);
            etags.remove(key);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ofTwoIndexersBuildingTheFirstIndexOnlyOneWinsAndAnOlderManifestNeverReplacesANewerOne() {
        // Two new indexers both find no index and build one: the second's swap must lose (and it then builds on the
        // winner's), never overwrite it, or the posts only the first indexed would be gone from every search.
        S3IndexFiles files = new S3IndexFiles(new ConditionalBucket());
        Optional<String> first = files.swapManifest(bytes("first"), Optional.empty());
        assertTrue(first.isPresent());
        assertEquals(Optional.empty(), files.swapManifest(bytes("second"), Optional.empty()), "a first index there already");
        Optional<String> newer = files.swapManifest(bytes("newer"), first);
        assertTrue(newer.isPresent());
        assertEquals(Optional.empty(), files.swapManifest(bytes("older"), first), "written on a version replaced since");
        IndexFiles.Found now = (IndexFiles.Found) files.readManifest(Optional.empty());
        assertArrayEquals(bytes("newer"), now.bytes());
        assertEquals(newer.get(), now.etag());
        assertTrue(files.readManifest(newer) instanceof IndexFiles.Unchanged);
    }

    @Test
    void aFileDeletedSinceItsManifestWasReadIsGoneNotEmptySoTheReaderReadsTheManifestAgain() {
        // A newer commit's indexer deletes the files it replaced while a reader is still fetching the older manifest's:
        // read as empty bytes, the reader's copy would be broken and the search fail; told gone, it reads the manifest again.
        ConditionalBucket bucket = new ConditionalBucket();
        S3IndexFiles files = new S3IndexFiles(bucket);
        files.write("files/a-_0.cfs", bytes("segment"));
        assertArrayEquals(bytes("segment"), files.read("files/a-_0.cfs"));
        files.delete(List.of("files/a-_0.cfs"));
        assertThrows(IndexFiles.FileGone.class, () -> files.read("files/a-_0.cfs"));
    }
}
