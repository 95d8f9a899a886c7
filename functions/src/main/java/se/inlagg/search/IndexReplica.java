package se.inlagg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.lucene.search.SearcherManager;
import se.inlagg.ops.Log;

/**
 * The index as a search function holds it: a copy in memory kept as fresh as the manifest, checked
 * at most once per {@link #CHECK_EVERY}. The check is a conditional GET (304 while nothing changed);
 * a new commit costs only its new objects (its small files come in the manifest). A lineage change (a rebuild) starts an empty copy.
 */
final class IndexReplica {

    /** How stale a search may be: an edit shows within about this long after the indexer commits it. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** A manifest replaced while its files were being fetched is read again this often before giving up. */
    private static final int READS = 3;

    private final IndexFiles files;
    private final Clock clock;
    private LocalCopy copy;
    private SearcherManager searchers;
    private Instant checkedAt;

    IndexReplica(IndexFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    /** The searchers over the current commit, refreshed first when the last check is a second old; empty while there is no index. */
    synchronized Optional<SearcherManager> current() {
        Instant now = clock.instant();
        if (checkedAt == null || !now.isBefore(checkedAt.plus(CHECK_EVERY))) {
            try {
                refresh();
            } catch (RuntimeException e) {
                if (searchers == null) {
                    throw e;
                }
                // S3 did not answer as it should: a slightly stale index serves readers better than none.
                Log.warn("search_index_not_refreshed", "error", e.getClass().getSimpleName());
            }
            checkedAt = now;
        }
        return Optional.ofNullable(searchers);
    }

    private void refresh() {
        for (int read = 1; read <= READS; read++) {
            switch (files.readManifest(copy == null ? Optional.empty() : copy.tag())) {
                case IndexFiles.Unchanged u -> {
                    return;
                }
                case IndexFiles.Missing m -> {
                    replace(null, null);
                    return;
                }
                case IndexFiles.Found f -> {
                    Manifest manifest = Manifest.parse(f.bytes());
                    try {
                        if (copy != null && copy.lineage().equals(manifest.lineage())) {
                            copy.mirror(manifest, f.etag(), files);
                            searchers.maybeRefreshBlocking();
                        } else {
                            LocalCopy fresh = new LocalCopy(manifest.lineage());
                            fresh.mirror(manifest, f.etag(), files);
                            replace(fresh, new SearcherManager(fresh.directory, null));
                        }
                        return;
                    } catch (IndexFiles.FileGone gone) {
                        if (copy != null) {
                            copy.forget();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        throw new IllegalStateException("the search index kept changing while it was being read");
    }

    /** Searches still running on the old copy finish on it; the manager closes it once they release it. */
    private void replace(LocalCopy nextCopy, SearcherManager next) {
        SearcherManager old = searchers;
        copy = nextCopy;
        searchers = next;
        if (old != null) {
            try {
                old.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
