package se.inlagg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;

/**
 * Which posts an index holds, at which version, and which of them a list of posts shows otherwise. A rebuild reads every
 * published post from the feed's list (a GSI, which follows the table a moment behind), while the stream's indexer reads
 * each post by its key, consistently: a post deleted, unpublished, published or edited in that moment is in the index
 * already as it is now, and in the list as it was. Built from the list alone, the rebuild would put it back as it was,
 * for good (nothing writes that post again); those posts are read again, consistently, and indexed as they are now.
 */
final class IndexedPosts {

    /** A post indexed by code that stored no version: the list is taken at its word. */
    static final long UNKNOWN = -1;

    private IndexedPosts() {
    }

    /** Each post the index holds (its id) and the version it was indexed at, or {@link #UNKNOWN}. */
    static Map<String, Long> in(Directory index) {
        Map<String, Long> held = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(index)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document d = stored.document(doc, Set.of(PostDocument.ID, PostDocument.VERSION));
                    var version = d.getField(PostDocument.VERSION);
                    held.put(d.get(PostDocument.ID), version == null ? UNKNOWN : version.numericValue().longValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return held;
    }

    /**
     * The posts the index and the list show otherwise: in one and not the other, or at another version (where the index
     * knows its version).
     */
    static Set<String> shownOtherwise(Map<String, Long> indexed, Map<String, Long> listed) {
        Set<String> otherwise = new HashSet<>();
        indexed.forEach((id, version) -> {
            Long inList = listed.get(id);
            if (inList == null || (version != UNKNOWN && inList != version.longValue())) {
                otherwise.add(id);
            }
        });
        listed.keySet().stream().filter(id -> !indexed.containsKey(id)).forEach(otherwise::add);
        return otherwise;
    }
}
