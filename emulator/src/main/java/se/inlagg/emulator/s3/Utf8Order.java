package se.inlagg.emulator.s3;

import java.util.Comparator;

/**
 * S3 lists keys in UTF-8 byte order. Java compares strings in UTF-16 units, which differs only
 * where a surrogate pair (a character above U+FFFF) meets a unit in U+E000–U+FFFF; this fixes that
 * case without encoding either string.
 */
final class Utf8Order implements Comparator<String> {

    static final Utf8Order INSTANCE = new Utf8Order();

    private Utf8Order() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    return rank(x) - rank(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** Surrogates (U+D800–U+DFFF) start code points above U+FFFF, so they sort after U+E000–U+FFFF. */
    private static int rank(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
