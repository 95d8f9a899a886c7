package se.inlagg.posts;

import java.text.Normalizer;

/**
 * Text in one Unicode form (NFC, composed), as every browser on Windows and Linux types it. Text pasted
 * from macOS, or sent by a script, may come decomposed ("a" + U+030A for "å"): stored that way, one person
 * got two pages, a title a slug with a dash for each accent, and searches typed the usual way found nothing.
 */
public final class Nfc {

    private Nfc() {
    }

    /**
     * The text composed, without loading the JDK's normalizer for text that cannot change: every character
     * below U+0300 (where the combining marks begin) is already composed and composes with nothing before
     * it, and Swedish is written entirely there. Pages show categories on every card, so this keeps the
     * normalizer's tables out of their cold start.
     */
    public static String of(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= '\u0300') {
                return Normalizer.normalize(raw, Normalizer.Form.NFC);
            }
        }
        return raw;
    }
}
