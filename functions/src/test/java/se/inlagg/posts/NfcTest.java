package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class NfcTest {

    @Test
    void textBelowTheCombiningMarksIsLeftAsItIsBecauseNfcWouldNotChangeIt() {
        // The shortcut's premise, checked against the JDK for every pair of characters below U+0300.
        for (char a = 0; a < '\u0300'; a++) {
            for (char b = 0; b < '\u0300'; b++) {
                String pair = "" + a + b;
                assertEquals(pair, Normalizer.normalize(pair, Normalizer.Form.NFC), () -> "U+" + Integer.toHexString(pair.charAt(0)));
            }
        }
        assertEquals("Frivård", Nfc.of("Friva\u030Ard"));
        assertEquals("Ångström", Nfc.of("A\u030Angstro\u0308m"));
    }

    @Test
    void whatTheShortcutLetsPassNfcWouldNotChangeAndWhatItWouldComposeIsNeverLetPass() {
        // Every code point the shortcut leaves alone, alone and after what it could compose with (a letter, a
        // Hangul leading jamo, a Hangul syllable): the JDK's NFC leaves it as it is.
        for (int cp = 0x300; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.getType(cp) == Character.SURROGATE || Nfc.mayChange(cp)) {
                continue;
            }
            String s = Character.toString(cp);
            for (String before : new String[] {"", "a", "\u1100", "\uAC00"}) {
                assertEquals(before + s, Normalizer.normalize(before + s, Normalizer.Form.NFC),
                        () -> "U+" + Integer.toHexString(s.codePointAt(0)));
            }
        }
        // Every composition NFC makes: what a character decomposes into sends the text to the normalizer, so it is
        // composed again (Kirat Rai has three a narrower shortcut would miss).
        for (int cp = 0x300; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
            if (!Normalizer.normalize(decomposed, Normalizer.Form.NFC).equals(decomposed)) {
                int c = cp;
                assertEquals(true, decomposed.codePoints().anyMatch(d -> d >= 0x300 && Nfc.mayChange(d)), () -> "U+" + Integer.toHexString(c));
            }
        }
        // What Swedish text has above U+0300 never needs the normalizer: –, “ ”, …, €, an emoji.
        for (int cp : new int[] {0x2013, 0x2014, 0x201C, 0x201D, 0x2026, 0x20AC, 0x1F389}) {
            assertEquals(false, Nfc.mayChange(cp), () -> "U+" + Integer.toHexString(cp));
        }
        assertEquals("Ω Å", Nfc.of("\u2126 \u212B"), "singletons NFC maps to another");
    }

    @Test
    void aGraveAccentTypedApartIsComposedToo() {
        // U+0300, the first combining mark, is where the shortcut starts: "crème" pasted from macOS comes as e + U+0300,
        // with no other mark to send the text to the normalizer.
        assertEquals("crème", Nfc.of("cre\u0300me"));
        assertEquals("à la carte", Nfc.of("a\u0300 la carte"));
    }

    @Test
    void composingLeavesWhatOnlyCompatibilityWouldChangeAsTheAuthorWroteIt() {
        // NFC, not NFKC: text that goes to the normalizer for its "å" keeps its m², ½ and ligature, which NFKC would
        // make "m2", "1⁄2" and "fi".
        assertEquals("Kontoret i Malmö: 120 m², ½ våning, ﬁka", Nfc.of("Kontoret i Malmo\u0308: 120 m², ½ va\u030Aning, ﬁka"));
    }
}
