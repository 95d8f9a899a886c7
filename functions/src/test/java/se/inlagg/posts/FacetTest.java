package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Facet's equality, written out for a cold start's sake: it must be the record's, every part counted. */
class FacetTest {

    @Test
    void facetsAreEqualExactlyWhenKindSlugAndNameAre() {
        Facet frivard = new Facet(Facet.Kind.CATEGORY, "frivard", "Frivård");
        assertEquals(frivard, new Facet(Facet.Kind.CATEGORY, "frivard", "Frivård"));
        assertEquals(frivard.hashCode(), new Facet(Facet.Kind.CATEGORY, "frivard", "Frivård").hashCode());
        // An edit reads the counter of a category it had under another spelling: a name anew is another facet.
        assertNotEquals(frivard, new Facet(Facet.Kind.CATEGORY, "frivard", "FRIVÅRD"));
        assertNotEquals(frivard, new Facet(Facet.Kind.OFFICE, "frivard", "Frivård"));
        assertNotEquals(frivard, new Facet(Facet.Kind.CATEGORY, "frivarden", "Frivård"));
        assertNotEquals(frivard, null);
        assertNotEquals(frivard, new Tag("frivard", "Frivård"));
    }

    @Test
    void equalFacetsAreOneInASet() {
        Set<Facet> facets = new HashSet<>(List.of(Facet.month(YearMonth.of(2019, 1)), Facet.month(YearMonth.of(2019, 1)),
                new Facet(Facet.Kind.PERSON, "asa-oberg", "Åsa Öberg"), new Facet(Facet.Kind.PERSON, "asa-oberg", "Åsa Öberg")));
        assertEquals(2, facets.size());
    }
}
