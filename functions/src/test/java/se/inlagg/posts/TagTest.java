package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
    void textBelowTheCombiningMarksIsLeftAsItIsBecauseNfcWouldNotChangeIt() {
        // The shortcut's premise, checked against the JDK for every pair of characters below U+0300.
        for (char a = 0; a < '\u0300'; a++) {
            for (char b = 0; b < '\u0300'; b++) {
                String pair = "" + a + b;
                assertEquals(pair, java.text.Normalizer.normalize(pair, java.text.Normalizer.Form.NFC), () -> "U+" + Integer.toHexString(pair.charAt(0)));
            }
        }
        assertEquals("Frivård", Tag.composed("Friva\u030Ard"));
        assertEquals("Ångström", Tag.composed("A\u030Angstro\u0308m"));
    }

    @Test
    void namesWithTheSameSlugAreOneTagAndTheFirstNameIsKept() {
        var tags = Tag.distinct(List.of(Tag.named("Frivård"), Tag.named("RBM"), Tag.named("frivard")));
        assertEquals(List.of(new Tag("frivard", "Frivård"), new Tag("rbm", "RBM")), tags);
    }

    @Test
    void aNameMustHoldOneToFiftyCharactersAndALetterOrDigit() {
        assertNull(Tag.problemWith("Samverkan"));
        assertNotNull(Tag.problemWith("   "));
        assertNotNull(Tag.problemWith("?!"));
        assertNull(Tag.problemWith("å".repeat(50)));
        assertNotNull(Tag.problemWith("å".repeat(51)));
    }
}
