package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Facet;

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
}
