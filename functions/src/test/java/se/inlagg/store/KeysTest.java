package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Facet;
import se.inlagg.posts.Ids;
import se.inlagg.posts.SiteTime;

class KeysTest {

    /**
     * GSI1's fixed partitions (the feed, every author, each kind's counters) are each one list: a facet kind named so that
     * its counters' partition is another's (a kind AUTHOR would make AUTHORS) would mix two lists in one.
     */
    @Test
    void gsi1sFixedPartitionsAreEachTheirOwn() {
        List<String> partitions = new ArrayList<>(List.of(Keys.FEED, Keys.AUTHORS));
        for (Facet.Kind kind : Facet.Kind.values()) {
            partitions.add(Keys.counters(kind));
        }
        assertEquals(partitions.size(), new HashSet<>(partitions).size(), partitions.toString());
    }

    /** A post's versions are read newest first by their sort keys: version 10 comes after 9, not between 1 and 2. */
    @Test
    void earlierVersionsSortByTheirNumberAndParseBack() {
        long[] numbers = {0, 1, 2, 9, 10, 11, 99, 100, 1_000_000, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        for (int i = 0; i < numbers.length; i++) {
            assertEquals(numbers[i], Keys.versionNumberOf(Keys.version(numbers[i])));
            if (i > 0) {
                assertTrue(Keys.version(numbers[i - 1]).compareTo(Keys.version(numbers[i])) < 0, numbers[i - 1] + " before " + numbers[i]);
            }
        }
    }

    /** The versions kept by earlier releases are found by the same keys: nineteen digits, zero-padded. */
    @Test
    void aVersionsKeyIsTheOneEarlierReleasesWrote() {
        assertEquals("VERSION#0000000000000000010", Keys.version(10));
        assertEquals("VERSION#0000000000000000000", Keys.version(0));
        assertEquals("VERSION#9223372036854775807", Keys.version(Long.MAX_VALUE));
    }

    /** An author's idempotency key is scoped to them: another author sending the same key must not replay their post. */
    @Test
    void oneAuthorsIdempotencyKeyNeverNamesAnothers() {
        String key = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertNotEquals(Keys.idempotency(Ids.newId(), key), Keys.idempotency(Ids.newId(), key));
    }

    /** The counter of a title's slugs lives in its own partition, never in a slug's claim ("hej", "hej-2"…). */
    @Test
    void aTitlesSlugCounterIsNoneOfItsSlugs() {
        for (String slug : List.of("hej", "hej-2", "hej-10")) {
            assertNotEquals(Keys.slug(slug), Keys.slugCounter("hej"));
        }
    }

    /**
     * A list's bounds: LOW below every post's sort key, and a second followed by HIGH above every id of that second,
     * below every id of the next, so a page up to a second takes all of its posts and none after.
     */
    @Test
    void aListsBoundsTakeEveryIdOfTheirSecondAndNoneOfTheNext() {
        Instant second = Instant.parse("2026-12-07T08:00:00Z");
        String high = SiteTime.format(second) + Keys.HIGH;
        for (String id : List.of(Ids.newId(), Ids.newId(), "ffffffff-ffff-4fff-bfff-ffffffffffff", Ids.ofSlug("hej"))) {
            String sort = Keys.listSort(second.plusMillis(999), id);
            assertTrue(Keys.LOW.compareTo(Keys.listSort(Instant.parse("2000-01-01T00:00:00Z"), id)) < 0, sort);
            assertTrue(sort.compareTo(high) < 0, sort);
            assertTrue(high.compareTo(Keys.listSort(second.plusSeconds(1), id)) < 0, sort);
            assertEquals(id, Keys.postIdOfSort(sort));
            assertEquals(id, Keys.postIdOfSort(Keys.changedSort(second, id)));
        }
    }

    /**
     * In a post's partition, "BODY" to "POST" reads the post and its body alone: every list entry sorts after "POST", and
     * before the earlier versions.
     */
    @Test
    void aPostsListEntriesSortAfterThePostAndBeforeItsVersions() {
        assertTrue(Keys.BODY_SK.compareTo(Keys.POST_SK) < 0);
        for (Facet.Kind kind : Facet.Kind.values()) {
            String entry = Keys.entry(kind, "a");
            assertTrue(entry.compareTo(Keys.POST_SK) > 0, entry);
            assertTrue(entry.compareTo(Keys.version(0)) < 0, entry);
        }
    }

    @Test
    void partitionKeysParseBackToTheirIds() {
        String id = Ids.newId();
        assertEquals(id, Keys.postIdOfPartition(Keys.post(id)));
        assertEquals(id, Keys.authorIdOf(Keys.author(id)));
    }
}
