package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    /** Expected ids printed by Python's uuid.uuid5 with the same namespace: RFC 9562's algorithm, not ours. */
    @Test
    void aSlugNamesTheSameVersionFiveIdAsAnyOtherImplementationOfTheRfc() {
        assertEquals("ef8b82bf-720f-51cf-afc0-839dbf5af290", Ids.ofSlug("manadsmote-i-ystad"));
        assertEquals("bb2157f6-a38b-5cc2-acde-6c5d13548741", Ids.ofSlug("manadsmote-i-ystad-2"));
        assertEquals(5, UUID.fromString(Ids.ofSlug("vart-nya-kontor")).version());
    }

    @Test
    void randomIdsAreVersionFourAndDiffer() {
        UUID a = UUID.fromString(Ids.newId());
        assertEquals(4, a.version());
        assertEquals(2, a.variant());
        assertNotEquals(a.toString(), Ids.newId());
    }
}
