package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagTest {

    @Test
    void namesAreTrimmedCollapsedAndComposed() {
        // "Frivård" typed with a combining ring (NFD) is the same tag as the composed one.
        Tag tag = Tag.named("  Friva\u030Ard \t  Malmö ");
        assertEquals("Frivård Malmö", tag.name());
        assertEquals("frivard-malmo", tag.slug());
    }

    @Test
    void namesWithTheSameSlugAreOneTagAndTheFirstNameIsKept() {
        var tags = Tag.distinct(List.of(Tag.named("Frivård"), Tag.named("RBM"), Tag.named("frivard")));
        assertEquals(List.of(new Tag("frivard", "Frivård"), new Tag("rbm", "RBM")), tags);
    }

    @Test
    void aNameMustHoldOneToFiftyCharactersAndALetterOrDigit() {
        assertNull(Tag.problemWith("Samverkan"));
        assertNull(Tag.problemWith("å".repeat(50)));
        // What the author is told (the forms put it in Swedish): each says what to mend.
        assertEquals("must not be empty", Tag.problemWith("   "));
        assertEquals("must be at most 50 characters", Tag.problemWith("å".repeat(51)));
        assertEquals(Tag.LETTER_OR_DIGIT, Tag.problemWith("?!"));
    }
}
