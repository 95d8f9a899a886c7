package se.inlagg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.InMemoryPosts;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.SiteTime;

/**
 * The search indexer primes, before its snapshot, the copy of the index its batches write on (IndexUpdater), so a
 * restored indexer's first batch asks S3 whether the manifest changed and fetches nothing else when it has not. Its
 * priming filled the readers' copy instead (a search, IndexReplica), which an indexer never reads again: each restored
 * indexer held the whole index in its snapshot for nothing and fetched every object of it again in its first batch (at
 * 10,869 posts, 36 MB in one segment: docs/PERFORMANCE.md; found by a SnapStart probe). Priming here is the indexer's,
 * step for step (streams.SearchIndexHandler); the index stands for a large one, every file an object.
 */
class RestoredIndexerTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    final MovableClock clock = new MovableClock(NOW);
    final InMemoryPosts repository = new InMemoryPosts();
    final PostService posts = new PostService(repository, new SiteTime(ZoneId.of("Europe/Stockholm"), clock), Duration.ofMillis(300));
    final InMemoryIndexFiles files = new InMemoryIndexFiles();
    final IndexTuning everyFileAnObject = IndexTuning.DEPLOYED.withInlineAtMost(0);

    Post write(String title, String body, String publishedAt) {
        var draft = new PostDraft(Optional.of(title), Optional.of(body), Optional.of("Åsa Öberg"), Optional.of("Frivårdsinspektör"),
                Optional.of("Kontoret i Malmö"), List.of(), Optional.ofNullable(publishedAt), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        return (Post) assertInstanceOf(Outcome.Done.class, posts.create(draft, "author-1", Optional.empty())).value();
    }

    @Test
    void aRestoredIndexersFirstBatchFetchesNoObjectItsSnapshotAlreadyHolds() {
        SearchService earlier = new SearchService(files, posts, clock, everyFileAnObject);
        earlier.indexChanged(Set.of(write("Frivården i Västervik", "Kontraktsvård.", "2019-01-30").id()));
        earlier.indexChanged(Set.of(write("Fika i Växjö", "Kaffe.", "2019-01-31").id()));
        int objects = files.manifest().storedKeys().size();
        assertTrue(objects >= 2, "the index is stored as objects: " + objects);

        // A new version's indexer, primed before its snapshot as SearchIndexHandler primes it.
        SearchService indexer = new SearchService(files, posts, clock, everyFileAnObject);
        indexer.primeIndexing();
        int fetchedBeforeTheSnapshot = files.fileReads.get();

        // Restored a day later; nothing was indexed meanwhile. Its first batch:
        clock.advance(Duration.ofDays(1));
        int before = files.fileReads.get();
        indexer.indexChanged(Set.of(write("Månadsmöte i Ystad", "Om rutiner.", "2019-02-01").id()));

        assertEquals(0, files.fileReads.get() - before, "the restored indexer's first batch fetched " + (files.fileReads.get() - before)
                + " of the index's " + objects + " objects again, though its snapshot holds every one (fetched by its priming: "
                + fetchedBeforeTheSnapshot + ") and the manifest has not changed since");
    }

    /** An indexer primed where no index is stored yet (a first deployment) changes nothing, and its first batch builds it. */
    @Test
    void anIndexerPrimedBeforeAnyIndexIsStoredBuildsItInItsFirstBatch() {
        write("Frivården i Västervik", "Kontraktsvård.", "2019-01-30");
        SearchService indexer = new SearchService(files, posts, clock, everyFileAnObject);
        indexer.primeIndexing();
        assertInstanceOf(IndexFiles.Missing.class, files.readManifest(Optional.empty()), "priming stores nothing");
        indexer.indexChanged(Set.of(write("Fika i Växjö", "Kaffe.", "2019-01-31").id()));
        for (String place : List.of("Västervik", "Växjö")) {
            var found = (SearchPage) assertInstanceOf(Outcome.Done.class, indexer.search(place, 10, Optional.empty())).value();
            assertEquals(1, found.total(), place + ": built, then the batch applied");
        }
    }
}
