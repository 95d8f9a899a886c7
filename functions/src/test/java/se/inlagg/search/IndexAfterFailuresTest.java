package se.inlagg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.InMemoryPosts;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.SiteTime;

/** What a failure half way, a retry or a rebuild leaves in the search index and its bucket. */
class IndexAfterFailuresTest {

    final MovableClock clock = new MovableClock(SearchServiceTest.NOW);
    final InMemoryPosts repository = new InMemoryPosts();
    final PostService posts = new PostService(repository, new SiteTime(ZoneId.of("Europe/Stockholm"), clock), Duration.ofMillis(300));
    final InMemoryIndexFiles files = new InMemoryIndexFiles();
    final FailingFiles failing = new FailingFiles(files);

    Post write(String title, String body, String publishedAt) {
        var draft = new PostDraft(Optional.of(title), Optional.of(body), Optional.of("Åsa Öberg"), Optional.of("Frivårdsinspektör"),
                Optional.of("Kontoret i Malmö"), List.of(), Optional.ofNullable(publishedAt), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        return (Post) assertInstanceOf(Outcome.Done.class, posts.create(draft, "author-1", Optional.empty())).value();
    }

    /** What a search container that starts now finds. */
    List<String> titlesInANewContainer(String query) {
        clock.advance(Duration.ofSeconds(1));
        SearchService reader = new SearchService(files, posts, clock);
        SearchPage page = (SearchPage) assertInstanceOf(Outcome.Done.class, reader.search(query, SearchService.MAX_LIMIT, Optional.empty())).value();
        return page.hits().stream().map(SearchHit::title).toList();
    }

    /**
     * An operator runs `./inlagg reindex` a moment after a post was deleted: the stream's indexer has already taken the
     * post out of the index (it reads the post by key, consistently), but the feed's GSI, which the rebuild reads, has not
     * caught up with the delete yet. The rebuild's If-Match is on the manifest it read, which already lacked the post, so
     * it lands; built from the list alone it would hold the deleted post, and no later record of that post would ever take
     * it out again. It reads again by key the posts the list and the index it replaces show otherwise.
     */
    @Test
    void aReindexReadingAListThatLagsADeleteTheStreamAlreadyAppliedLeavesThePostOut() {
        SearchService indexer = new SearchService(files, posts, clock);
        Post kept = write("Kvar om tillsyn", "Text.", "2019-01-01");
        Post gone = write("Borttaget om tillsyn", "Hemlig text.", "2019-01-02");
        indexer.indexChanged(Set.of(kept.id(), gone.id()));
        assertEquals(List.of("Borttaget om tillsyn", "Kvar om tillsyn"), titlesInANewContainer("tillsyn"));

        // The author deletes the post; the list index (GSI) shows it a moment longer.
        repository.listedAsBefore.put(gone.id(), gone);
        assertInstanceOf(Outcome.Done.class, posts.delete(gone.slug(), Optional.empty(), "author-1"));
        // The stream's batch: the post is read by key, consistently, and removed.
        indexer.indexChanged(Set.of(gone.id()));
        assertEquals(List.of("Kvar om tillsyn"), titlesInANewContainer("tillsyn"), "the stream took the deleted post out");

        // The operator's reindex, in that moment.
        new SearchService(files, posts, clock).rebuild();
        // The GSI catches up; the stream goes on with other posts.
        repository.listedAsBefore.clear();
        indexer.indexChanged(Set.of(write("Nytt om annat", "Text.", "2019-01-03").id()));

        assertEquals(List.of("Kvar om tillsyn"), titlesInANewContainer("tillsyn"),
                "a deleted post is found again after a reindex, and nothing ever takes it out");
    }

    /**
     * The same gap the other way: a draft is published, the stream's indexer adds it, and a reindex in that moment reads a
     * feed (GSI) that does not list it yet. Built from the list alone, it would lack a post every reader's page shows,
     * until the post is next written.
     */
    @Test
    void aReindexReadingAListThatLagsAPublishTheStreamAlreadyAppliedKeepsThePost() {
        SearchService indexer = new SearchService(files, posts, clock);
        Post kept = write("Kvar om tillsyn", "Text.", "2019-01-01");
        var asDraft = new PostDraft(Optional.of("Nyss publicerat om tillsyn"), Optional.of("Text."), Optional.of("Åsa Öberg"),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("draft"));
        Post draft = (Post) assertInstanceOf(Outcome.Done.class, posts.create(asDraft, "author-1", Optional.empty())).value();
        indexer.indexChanged(Set.of(kept.id(), draft.id()));

        // Published; the feed (GSI) still shows the post as the draft it was, which no list holds.
        repository.listedAsBefore.put(draft.id(), draft);
        assertInstanceOf(Outcome.Done.class, posts.publish(draft.slug(), "author-1", Optional.empty(), Optional.empty()));
        indexer.indexChanged(Set.of(draft.id()));
        assertEquals(List.of("Nyss publicerat om tillsyn", "Kvar om tillsyn"), titlesInANewContainer("tillsyn"), "the stream added it");

        new SearchService(files, posts, clock).rebuild();
        repository.listedAsBefore.clear();
        indexer.indexChanged(Set.of(write("Nytt om annat", "Text.", "2019-01-03").id()));

        assertEquals(List.of("Nyss publicerat om tillsyn", "Kvar om tillsyn"), titlesInANewContainer("tillsyn"),
                "a published post is gone from search after a reindex, and nothing ever brings it back");
    }

    /**
     * The same gap for an edit: a published post's title is changed, the stream's indexer indexes the new one, and a
     * reindex in that moment reads the feed (GSI) with the old title still in it.
     */
    @Test
    void aReindexReadingAListThatLagsAnEditTheStreamAlreadyAppliedKeepsTheEdit() {
        SearchService indexer = new SearchService(files, posts, clock);
        Post post = write("Gammal rubrik om tillsyn", "Text.", "2019-01-01");
        indexer.indexChanged(Set.of(post.id()));

        repository.listedAsBefore.put(post.id(), post);
        var edit = new PostDraft(Optional.of("Ny rubrik om samverkan"), Optional.of("Text."), Optional.of("Åsa Öberg"), Optional.empty(),
                Optional.empty(), List.of(), Optional.of("2019-01-01"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertInstanceOf(Outcome.Done.class, posts.edit(post, edit, "author-1"));
        indexer.indexChanged(Set.of(post.id()));

        new SearchService(files, posts, clock).rebuild();
        repository.listedAsBefore.clear();

        assertEquals(List.of("Ny rubrik om samverkan"), titlesInANewContainer("samverkan"), "the edit stays found after a reindex");
        assertEquals(List.of(), titlesInANewContainer("rubrik gammal"), "and the old title is gone");
    }

    /**
     * The manifest's swap fails outright (S3 answers 500 three times, or the function times out on it) after the batch's
     * new segment was put as an object of its own (a merged segment too large for the manifest; here every file is
     * one): the objects it wrote are deleted, the bucket naming none of them. Lambda retries the batch, which lands.
     */
    @Test
    void aBatchWhoseSwapFailedAndWasRetriedLeavesNoObjectThatNoManifestNames() {
        SearchService indexer = objectsOnly();
        Post second = firstIndexedSecondWritten(indexer);

        failing.failNextSwap = true;
        assertThrows(RuntimeException.class, () -> indexer.indexChanged(Set.of(second.id())), "the batch fails; Lambda retries it");
        indexer.indexChanged(Set.of(second.id()));

        assertBothFoundAndNothingUnnamed("objects of the failed attempt are left in the bucket, named by no manifest, for good");
    }

    /** The same for a rebuild (`./inlagg reindex`, or the first batch of a deployment): no whole index left behind. */
    @Test
    void aRebuildWhoseSwapFailedLeavesNoCopyOfTheIndexBehind() {
        firstIndexedSecondWritten(objectsOnly());

        failing.failNextSwap = true;
        assertThrows(RuntimeException.class, () -> objectsOnly().rebuild());
        objectsOnly().rebuild();

        assertBothFoundAndNothingUnnamed("the failed rebuild's objects are left in the bucket, named by no manifest, for good");
    }

    /**
     * The swap lands but its answer is lost (S3's connection breaks; SignedBucketObjects then throws rather than guess).
     * The bucket, read again, names the new commit: the batch is done, and the objects the commit replaced are deleted as
     * after any swap (a retry of the batch would delete only what its own commit replaced).
     */
    @Test
    void aBatchWhoseSwapLandedUnansweredIsDoneAndLeavesNoObjectThatNoManifestNames() {
        SearchService indexer = objectsOnly();
        Post second = firstIndexedSecondWritten(indexer);

        failing.failNextSwapAfterLanding = true;
        indexer.indexChanged(Set.of(second.id()));
        indexer.indexChanged(Set.of(second.id()));

        assertBothFoundAndNothingUnnamed("objects the landed commit replaced are left in the bucket, named by no manifest, for good");
    }

    /** An indexer over the failing bucket that stores every file as an object of its own, none held in the manifest. */
    SearchService objectsOnly() {
        return new SearchService(failing, posts, clock, IndexTuning.DEPLOYED.withInlineAtMost(0));
    }

    /** The first post written and indexed, the second written: what each test's batch or rebuild then adds. */
    Post firstIndexedSecondWritten(SearchService indexer) {
        indexer.indexChanged(Set.of(write("Första om tillsyn", "Text.", "2019-01-01").id()));
        return write("Andra om tillsyn", "Text.", "2019-01-02");
    }

    /** Both posts found by a new container, and no object in the bucket that the manifest does not name. */
    void assertBothFoundAndNothingUnnamed(String left) {
        assertEquals(List.of("Andra om tillsyn", "Första om tillsyn"), titlesInANewContainer("tillsyn"));
        assertEquals(Set.of(), unnamed(), left);
    }

    /** The objects in the bucket that the manifest does not name, by their Lucene file name. */
    Set<String> unnamed() {
        Set<String> named = files.manifest().storedKeys();
        return files.files.keySet().stream().filter(k -> !named.contains(k)).map(k -> k.substring(k.lastIndexOf('-') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Delegates to the in-memory bucket; the next swap can be made to fail as S3 failing (or a timeout) would. */
    static final class FailingFiles implements IndexFiles {
        final InMemoryIndexFiles inner;
        volatile boolean failNextSwap;
        volatile boolean failNextSwapAfterLanding;
        volatile boolean failNextWrite;

        FailingFiles(InMemoryIndexFiles inner) {
            this.inner = inner;
        }

        @Override
        public ManifestRead readManifest(Optional<String> unlessTag) {
            return inner.readManifest(unlessTag);
        }

        @Override
        public byte[] read(String key) {
            return inner.read(key);
        }

        @Override
        public void write(String key, byte[] bytes) {
            if (failNextWrite) {
                failNextWrite = false;
                throw new IllegalStateException("S3 answered 500 (InternalError) to the file's PUT");
            }
            inner.write(key, bytes);
        }

        @Override
        public Optional<String> swapManifest(byte[] manifest, Optional<String> expectedTag) {
            if (failNextSwap) {
                failNextSwap = false;
                throw new IllegalStateException("S3 answered 500 (InternalError) to the manifest's PUT");
            }
            if (failNextSwapAfterLanding) {
                failNextSwapAfterLanding = false;
                inner.swapManifest(manifest, expectedTag);
                throw new IllegalStateException("the manifest's PUT timed out after it landed");
            }
            return inner.swapManifest(manifest, expectedTag);
        }

        @Override
        public void delete(Collection<String> keys) {
            inner.delete(keys);
        }
    }
}
