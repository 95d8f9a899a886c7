package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NfcTest {

    @Test
    void textBelowTheCombiningMarksIsLeftAsItIsBecauseNfcWouldNotChangeIt() {
        // The shortcut's premise, checked against the JDK for every pair of characters below U+0300.
        for (char a = 0; a < '\u0300'; a++) {
            for (char b = 0; b < '\u0300'; b++) {
                String pair = "" + a + b;
                assertEquals(pair, java.text.Normalizer.normalize(pair, java.text.Normalizer.Form.NFC), () -> "U+" + Integer.toHexString(pair.charAt(0)));
            }
        }
        assertEquals("Frivård", Nfc.of("Friva\u030Ard"));
        assertEquals("Ångström", Nfc.of("A\u030Angstro\u0308m"));
    }
}
