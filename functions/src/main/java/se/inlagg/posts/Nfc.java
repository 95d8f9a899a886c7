package se.inlagg.posts;

import java.text.Normalizer;

/**
 * Text in one Unicode form (NFC, composed), as every browser on Windows and Linux types it. Text pasted
 * from macOS, or sent by a script, may come decomposed ("a" + U+030A for "å"): stored that way, one person
 * would get two pages, a title a slug with a dash for each accent, and searches typed the usual way would find nothing.
 */
public final class Nfc {

    private Nfc() {
    }

    /**
     * The text composed, without loading the JDK's normalizer (costly at a cold start: docs/PERFORMANCE.md) for text NFC
     * cannot change. Swedish is written below U+0300, where nothing changes; above it, what Swedish text
     * has (–, “ ”, …, €, emoji) is left alone too, and only what {@link #mayChange} names sends the text to
     * the normalizer. NfcTest checks that against the JDK for every code point.
     */
    public static String of(String raw) {
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            if (cp >= '\u0300' && mayChange(cp)) {
                return Normalizer.normalize(raw, Normalizer.Form.NFC);
            }
            i += Character.charCount(cp);
        }
        return raw;
    }

    /**
     * Whether a code point at or above U+0300 may be changed by NFC, or change what stands before it: a combining
     * mark, anything of the scripts below U+2000 (Greek, Indic, Hangul's jamo…, taken whole rather than mark by
     * mark), and the few above it that NFC maps to another or composes (U+2126 OHM to Ω, U+212B ANGSTROM to Å,
     * CJK compatibility ideographs, Hebrew presentation forms, musical symbols, Kirat Rai's vowel signs).
     */
    static boolean mayChange(int cp) {
        if (cp < 0x2000) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return true;
        }
        return cp <= 0x2001 || cp == 0x2126 || cp == 0x212A || cp == 0x212B || cp == 0x2329 || cp == 0x232A || cp == 0x2ADC
                || (cp >= 0xF900 && cp <= 0xFB4F) || (cp >= 0x1D15E && cp <= 0x1D1C0) || (cp >= 0x2F800 && cp <= 0x2FA1F)
                || (cp >= 0x16D63 && cp <= 0x16D6A);
    }
}
