package se.inlagg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import se.inlagg.ops.Log;
import se.inlagg.posts.Backoff;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostService;
import se.inlagg.posts.Status;

/**
 * Writes the index: applies changed posts on top of the current commit, or builds it from every
 * published post when there is none. Each change ends in a conditional swap of the manifest; when
 * another indexer swapped first, this one takes the winner's commit and applies the same posts again
 * (it reads each post as it is now, so applying twice is harmless).
 */
final class IndexUpdater {

    /** Attempts before the batch fails and Lambda retries it: only a storm of indexers loses this often. */
    static final int ATTEMPTS = 8;
    /** Posts read from the table per Query during a rebuild (each page also reads their bodies in one batch). */
    static final int REBUILD_PAGE = 100;

    private final IndexFiles files;
    private final PostService posts;
    private final SwedishText analyzer;
    /** {@link IndexTuning#DEPLOYED}, but for tests of files stored as objects and the benchmark's merge floors. */
    private final IndexTuning tuning;
    private LocalCopy copy;
    /**
     * Whether the copy was the latest commit when this container last swapped or read the manifest: then its next batch
     * commits on it without asking S3 first (a conditional GET: a round trip and a request a batch), and the swap's
     * If-Match on the copy's tag tells it if another writer came between (it then reads and applies the batch again, as
     * after any lost race). An indexer mostly follows itself (a stream shard is one batch at a time), so most batches
     * are one request to S3, the swap. Since 2026-12-04.
     */
    private boolean knownLatest;

    IndexUpdater(IndexFiles files, PostService posts, SwedishText analyzer, IndexTuning tuning) {
        this.files = files;
        this.posts = posts;
        this.analyzer = analyzer;
        this.tuning = tuning;
    }

    /** The post as the index holds it, its month in the site's zone, as the archive counts it. */
    private Document document(Post post) {
        return PostDocument.of(post, analyzer, posts.time().zone());
    }

    /** What a change did to the index: how many posts it wrote and removed, and the size it has now. */
    record Applied(int indexed, int removed, long bytes, int attempts, boolean rebuilt) {
    }

    /** Applies these posts as they are now: published ones are (re)indexed, anything else is removed. */
    synchronized Applied apply(Collection<String> postIds) {
        Set<String> ids = new HashSet<>(postIds);
        boolean rebuilt = false;
        // The manifest read after a lost swap (to know what to delete), which the next attempt starts from: one read, not two.
        IndexFiles.ManifestRead readAfterLoss = null;
        for (int attempt = 1; ; attempt++) {
            boolean unchecked = attempt == 1 && knownLatest && copy != null && copy.tag().isPresent();
            // Until this batch's swap lands, the copy is not known to be the latest (a failure between would leave it so).
            knownLatest = false;
            IndexFiles.ManifestRead read = unchecked ? new IndexFiles.Unchanged()
                    : readAfterLoss != null ? readAfterLoss : files.readManifest(copy == null ? Optional.empty() : copy.tag());
            readAfterLoss = null;
            switch (read) {
                case IndexFiles.Missing m -> {
                    // A new deployment with posts already in the table: the first change builds it all, then this batch's
                    // posts are applied to it as they are now, as after an upgrade below (the rebuild reads the list index,
                    // which may not have them yet: a post deleted in this batch could stay found; from a review).
                    if (rebuildOnce(Optional.empty(), RebuildProgress.UNTOLD).isPresent()) {
                        rebuilt = true;
                    } else {
                        pause(attempt);
                    }
                    continue;
                }
                case IndexFiles.Unchanged u -> { /* this copy is the current commit */ }
                case IndexFiles.Found f -> {
                    Manifest current = Manifest.parse(f.bytes());
                    if (current.analysis() < Manifest.ANALYSIS) {
                        // Built by code that indexed fewer forms of each word: built anew, then this batch's posts applied to it
                        // as they are now (the rebuild reads the list index, which may not have them yet; from a review).
                        if (rebuildOnce(Optional.of(f), RebuildProgress.UNTOLD).isPresent()) {
                            rebuilt = true;
                        } else {
                            pause(attempt);
                        }
                        continue;
                    }
                    if (copy == null || !copy.lineage().equals(current.lineage())) {
                        copy = new LocalCopy(current.lineage());
                    }
                    try {
                        copy.mirror(current, f.etag(), files);
                    } catch (IndexFiles.FileGone gone) {
                        copy.forget();
                        pause(attempt);
                        continue;
                    }
                }
            }
            int[] counts = new int[2];
            Manifest before = copy.manifest();
            Manifest after = commit(copy, before.generation() + 1, writer -> {
                for (String id : ids) {
                    counts[asItIsNow(writer, id) ? 0 : 1]++;
                }
            });
            if (after.files().equals(before.files())) {
                if (unchecked) {
                    // Nothing to change in this copy, but another indexer may have indexed these posts since, and a post
                    // removed here must go from its commit too: the manifest is read, and the batch applied again on it.
                    continue;
                }
                knownLatest = true;
                return new Applied(counts[0], counts[1], after.bytes(), attempt, rebuilt);
            }
            Optional<String> swapped;
            try {
                swapped = files.swapManifest(after.toJson(), copy.tag());
            } catch (RuntimeException unanswered) {
                swapped = landedUnanswered(after, before, unanswered);
            }
            if (swapped.isPresent()) {
                // A store that answers no ETag (S3 always does) leaves the copy untagged, to be read whole next time: an empty
                // If-Match would be refused every batch (from a review).
                copy.adopt(after, swapped.filter(tag -> !tag.isBlank()));
                knownLatest = true;
                files.delete(keysOnlyIn(before, after));
                return new Applied(counts[0], counts[1], after.bytes(), attempt, rebuilt);
            }
            Optional<IndexFiles.Found> now = manifestNow();
            deleteUnnamed(now.map(f -> Manifest.parse(f.bytes())), keysOnlyIn(after, before));
            copy.forget();
            readAfterLoss = now.isPresent() ? now.get() : new IndexFiles.Missing();
            Log.info("search_index_race_lost", "attempt", attempt, "unchecked", unchecked);
            if (!unchecked) {
                // Indexers that collided try again apart; a copy that was only behind is read at once.
                pause(attempt);
            }
        }
    }

    /**
     * Builds the index anew from every published post and makes it the current one, whatever was there, telling
     * {@code progress} as it goes.
     */
    synchronized Applied rebuild(RebuildProgress progress) {
        for (int attempt = 1; ; attempt++) {
            Optional<IndexFiles.Found> current = switch (files.readManifest(Optional.empty())) {
                case IndexFiles.Found f -> Optional.of(f);
                case IndexFiles.Missing m -> Optional.<IndexFiles.Found>empty();
                case IndexFiles.Unchanged u -> throw new IllegalStateException("an unconditional read cannot be unchanged");
            };
            Optional<Applied> built = rebuildOnce(current, progress);
            if (built.isPresent()) {
                return built.get();
            }
            pause(attempt);
        }
    }

    /**
     * One rebuild, swapped in where the manifest is still the one read (or still none); empty when another writer came
     * first. A swap that landed though it was answered as lost (the bucket names this lineage) stands.
     */
    private Optional<Applied> rebuildOnce(Optional<IndexFiles.Found> current, RebuildProgress progress) {
        Optional<Manifest> old = current.map(f -> Manifest.parse(f.bytes()));
        Optional<String> expected = current.map(IndexFiles.Found::etag);
        LocalCopy fresh = new LocalCopy(UUID.randomUUID().toString());
        int[] count = new int[1];
        Map<String, Long> listed = new HashMap<>();
        Manifest built = commit(fresh, 1, writer -> {
            Optional<String> cursor = Optional.empty();
            do {
                Page<Post> page = posts.published(REBUILD_PAGE, cursor);
                for (Post post : page.items()) {
                    try {
                        writer.addDocument(document(post));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    listed.put(post.summary().id(), post.summary().version());
                    count[0]++;
                }
                progress.postsRead(count[0]);
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            current.ifPresent(f -> asTheyAreWhereTheListDiffers(writer, f, listed));
            try {
                // One segment: the fewest files for every reader to fetch, and the fastest to search.
                writer.forceMerge(1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Optional<String> tag;
        RuntimeException unanswered = null;
        try {
            tag = files.swapManifest(built.toJson(), expected);
        } catch (RuntimeException e) {
            // Landed or not: the bucket, read now, says which.
            unanswered = e;
            tag = Optional.empty();
        }
        if (tag.isEmpty()) {
            Optional<IndexFiles.Found> read = manifestNowOr(unanswered);
            Optional<Manifest> now = read.map(f -> Manifest.parse(f.bytes()));
            if (now.filter(m -> m.lineage().equals(built.lineage())).isEmpty()) {
                // A whole index no manifest names: deleted, never left in the bucket for good.
                deleteUnnamed(now, List.copyOf(built.storedKeys()));
                if (unanswered != null) {
                    throw unanswered;
                }
                Log.info("search_rebuild_race_lost");
                return Optional.empty();
            }
            // It landed with its answer lost (a PUT the client sent again after it was stored is answered 412): the bucket
            // names this lineage, so the rebuild stands and the index it replaced goes, where the index was built again and
            // that one left behind. The copy mirrors the manifest at its next read if another indexer built on it since.
            Log.info("search_rebuild_landed_unanswered");
            tag = now.get().equals(built) ? read.map(IndexFiles.Found::etag) : Optional.empty();
        }
        progress.swappedIn();
        fresh.adopt(built, tag);
        copy = fresh;
        knownLatest = tag.isPresent();
        old.ifPresent(o -> files.delete(keysOnlyIn(o, built)));
        Log.info("search_index_rebuilt", "posts", count[0], "bytes", built.bytes());
        return Optional.of(new Applied(count[0], 0, built.bytes(), 1, true));
    }

    /** The post read by key, consistently: (re)indexed if it is published, removed if not. Whether it was indexed. */
    private boolean asItIsNow(IndexWriter writer, String id) {
        Optional<Post> post = posts.byId(id).filter(p -> p.summary().status() == Status.PUBLISHED);
        try {
            if (post.isPresent()) {
                writer.updateDocument(PostDocument.id(id), document(post.get()));
                return true;
            }
            writer.deleteDocuments(PostDocument.id(id));
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The posts that the index being replaced ({@code current}) and the list the rebuild read show otherwise, read again by
     * key and written as they are now (IndexedPosts says why). Nothing when the index's files are gone meanwhile (its
     * manifest was replaced, and this rebuild's swap, conditioned on it, is refused) or it cannot be read.
     */
    private void asTheyAreWhereTheListDiffers(IndexWriter writer, IndexFiles.Found current, Map<String, Long> listed) {
        Manifest manifest = Manifest.parse(current.bytes());
        Directory index;
        if (copy != null && copy.tag().equals(Optional.of(current.etag()))) {
            index = copy.directory;
        } else {
            LocalCopy old = new LocalCopy(manifest.lineage());
            try {
                old.mirror(manifest, current.etag(), files);
            } catch (IndexFiles.FileGone gone) {
                return;
            }
            index = old.directory;
        }
        Map<String, Long> indexed;
        try {
            indexed = IndexedPosts.in(index);
        } catch (UncheckedIOException unreadable) {
            // An index this Lucene cannot read (written by an older major version, the very reason to rebuild, or broken):
            // built from the list alone, as before the comparison.
            Log.warn("search_rebuild_compared_nothing", "error", String.valueOf(unreadable.getCause()));
            return;
        }
        Set<String> otherwise = IndexedPosts.shownOtherwise(indexed, listed);
        otherwise.forEach(id -> asItIsNow(writer, id));
        if (!otherwise.isEmpty()) {
            Log.info("search_rebuild_read_again", "posts", otherwise.size());
        }
    }

    /**
     * Runs the changes through an IndexWriter on the copy, commits, and answers the manifest of the new
     * commit: its new files and those the copy's manifest holds share the manifest's {@link IndexTuning#inlineAtMost()}
     * bytes, smallest first (a batch's one-post segment, its commit point, the file of a segment's deleted
     * posts: the swap that commits them then stores them too, where each was a PUT of its own, and later
     * a DELETE, and a fetch for every reader); each that does not fit is stored as an object under a new
     * key (a held one moved out too); a file already an object stays that object.
     */
    private Manifest commit(LocalCopy on, long generation, Consumer<IndexWriter> changes) {
        try (IndexWriter writer = new IndexWriter(on.directory, writerConfig())) {
            changes.accept(writer);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Manifest.FileRef> refs = new LinkedHashMap<>();
        Map<String, byte[]> added = new LinkedHashMap<>();
        try {
            for (String name : SegmentInfos.readLatestCommit(on.directory).files(true)) {
                Manifest.FileRef had = on.manifest().files().get(name);
                if (had != null) {
                    refs.put(name, had);
                } else {
                    added.put(name, on.bytes(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The new files and those the manifest already holds share its room, smallest first: a merged segment that has
        // filled it moves out to an object of its own once (under a new key, so readers fetch it once), and the
        // one-post segments after it fit again. A file already an object stays one.
        Map<String, Long> sizes = new LinkedHashMap<>();
        added.forEach((name, bytes) -> sizes.put(name, (long) bytes.length));
        refs.forEach((name, ref) -> ref.inline().ifPresent(b -> sizes.put(name, ref.size())));
        long room = tuning.inlineAtMost();
        for (Map.Entry<String, Long> file : sizes.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList()) {
            String name = file.getKey();
            boolean isNew = added.containsKey(name);
            String unique = on.lineage() + "/" + UUID.randomUUID() + "-" + name;
            if (file.getValue() <= room) {
                room -= file.getValue();
                if (isNew) {
                    refs.put(name, Manifest.FileRef.inline("inline/" + unique, added.get(name)));
                }
            } else {
                // Stored before the manifest that names it is swapped. One after another: a commit stores one object (a
                // large new or merged segment) or none, and more only once the manifest is full, in a function nobody waits on.
                byte[] bytes = isNew ? added.get(name) : on.bytes(name);
                String key = "files/" + unique;
                files.write(key, bytes);
                refs.put(name, Manifest.FileRef.stored(key, bytes.length));
            }
        }
        refs.forEach((name, ref) -> on.remember(name, ref.key()));
        return new Manifest(on.lineage(), generation, refs, Manifest.ANALYSIS);
    }

    private IndexWriterConfig writerConfig() {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // Merges run in this thread, inside the invocation that pays for them.
                .setMergeScheduler(new SerialMergeScheduler())
                .setCommitOnClose(false)
                .setUseCompoundFile(true);
        TieredMergePolicy merges = new TieredMergePolicy();
        // Compound files: a segment is two or three files, so a reader fetches few objects.
        merges.setNoCFSRatio(1.0);
        // Lucene's default, said so: a lower floor was measured and cost more (IndexTuning.MERGE_FLOOR_MB).
        merges.setFloorSegmentMB(tuning.mergeFloorMB());
        config.setMergePolicy(merges);
        return config;
    }

    /**
     * Brings this container's copy of the index, the one its batches write on, up to the stored commit, for an indexer's
     * priming before a SnapStart snapshot: a restored indexer's first batch then asks S3 only whether the manifest changed
     * (a conditional GET) and fetches nothing else if not, where it fetched every object of the index again (at 10,869
     * posts, 36 MB; found by a SnapStart probe). Changes nothing stored; an index missing, of another analysis or whose
     * files went meanwhile is left to the first batch, as before.
     */
    synchronized void primeCopy() {
        if (files.readManifest(Optional.empty()) instanceof IndexFiles.Found f) {
            Manifest current = Manifest.parse(f.bytes());
            if (current.analysis() == Manifest.ANALYSIS) {
                LocalCopy primed = new LocalCopy(current.lineage());
                try {
                    primed.mirror(current, f.etag(), files);
                    copy = primed;
                } catch (IndexFiles.FileGone gone) {
                    primed.forget();
                }
            }
        }
    }

    /**
     * Runs a batch's whole write path (a post made a document, its Markdown made words, added,
     * committed, replaced in the segment it is in, committed again, merged, the commit's files listed)
     * on a scratch index in memory, so a SnapStart snapshot holds Lucene's writing loaded and compiled
     * too: some 900 classes that a restored indexer would otherwise load in its first batch. Nothing
     * leaves this method; the bucket and this container's copy of the index are not touched.
     */
    void primeWriting(Post sample) {
        try (Directory scratch = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(scratch, writerConfig())) {
            writer.addDocument(document(sample));
            writer.commit();
            writer.updateDocument(PostDocument.id(sample.summary().id()), document(sample));
            writer.commit();
            writer.forceMerge(1);
            writer.commit();
            SegmentInfos.readLatestCommit(scratch).files(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Of the objects written for a swap that was lost, deletes those the manifest now in the bucket
     * ({@code now}, read once by the caller after the loss; empty when there is none) does not name: the
     * winner may have built on a commit of ours whose answer went missing, and deleting an object a
     * manifest names would break every reader of it.
     */
    private void deleteUnnamed(Optional<Manifest> now, List<String> written) {
        Set<String> named = new HashSet<>();
        now.ifPresent(m -> m.files().values().forEach(f -> named.add(f.key())));
        files.delete(written.stream().filter(key -> !named.contains(key)).toList());
    }

    /**
     * After a swap whose answer never came (S3 failed, or the connection broke): its tag when the bucket, read now, holds
     * this very manifest (it landed: the objects it replaced are deleted as after any swap, which a retry of the batch
     * never would); otherwise the objects written for it and named by no manifest are deleted, never left in the bucket for
     * good, and the failure is thrown (Lambda retries the batch).
     */
    private Optional<String> landedUnanswered(Manifest after, Manifest before, RuntimeException unanswered) {
        Optional<IndexFiles.Found> now = manifestNowOr(unanswered);
        if (now.isPresent() && Manifest.parse(now.get().bytes()).equals(after)) {
            Log.info("search_swap_landed_unanswered");
            return Optional.of(now.get().etag());
        }
        deleteUnnamed(now.map(f -> Manifest.parse(f.bytes())), keysOnlyIn(after, before));
        copy.forget();
        throw unanswered;
    }

    /** {@link #manifestNow()}; a failure of that read is added to {@code first}, the failure it follows, if any, and that thrown. */
    private Optional<IndexFiles.Found> manifestNowOr(RuntimeException first) {
        try {
            return manifestNow();
        } catch (RuntimeException again) {
            if (first == null) {
                throw again;
            }
            first.addSuppressed(again);
            throw first;
        }
    }

    /** The manifest in the bucket now, read whole; empty when there is none. One more read, only when a race was lost. */
    private Optional<IndexFiles.Found> manifestNow() {
        return files.readManifest(Optional.empty()) instanceof IndexFiles.Found f ? Optional.of(f) : Optional.empty();
    }

    /** The objects in the bucket that {@code these} names and {@code notThose} does not; a file a manifest holds is no object. */
    private static List<String> keysOnlyIn(Manifest these, Manifest notThose) {
        Set<String> gone = these.storedKeys();
        gone.removeAll(notThose.storedKeys());
        return List.copyOf(gone);
    }

    /** Jittered and growing: indexers that collided try again apart. Past the last attempt, the batch fails. */
    private static void pause(int attempt) {
        if (attempt >= ATTEMPTS) {
            throw new IllegalStateException("the search index changed under this indexer " + attempt + " times in a row");
        }
        long cap = Duration.ofMillis(50).toMillis() << (attempt - 1);
        long millis = cap / 2 + Backoff.jitterBelow(cap + 1);
        try {
            Thread.sleep(Math.min(millis, 2_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
