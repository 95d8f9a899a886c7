package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormIdTest {

    @Test
    void eachShowingOfAFormKeepsItsKeyAndHasItsOwnPart() {
        String once = FormId.shown("nyckel");
        String twice = FormId.shown("nyckel");
        assertNotEquals(once, twice, "another showing, another part");
        assertEquals("nyckel", FormId.parse(once).orElseThrow().key());
        assertEquals("nyckel", FormId.parse(twice).orElseThrow().key());
        assertTrue(FormId.parse(once).orElseThrow().shown().isPresent());
    }

    @Test
    void aFormIdFromBeforeShowingsIsItsKeyAloneAndNothingElseIsAKey() {
        assertEquals(Optional.of(new FormId("nyckel", Optional.empty())), FormId.parse("nyckel"), "a form opened before a deploy");
        assertEquals(Optional.of(new FormId("nyckel", Optional.empty())), FormId.parse("nyckel."));
        assertEquals(Optional.empty(), FormId.parse(""));
        assertEquals(Optional.empty(), FormId.parse(".sida"), "no key");
        assertEquals(Optional.empty(), FormId.parse("k".repeat(101) + ".sida"), "a key longer than any form's");
        assertEquals(Optional.of(new FormId("k".repeat(100), Optional.empty())), FormId.parse("k".repeat(100) + "." + "s".repeat(101)),
                "a showing longer than any is none");
    }
}
