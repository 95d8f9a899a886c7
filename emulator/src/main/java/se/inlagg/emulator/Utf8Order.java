package se.inlagg.emulator;

import java.util.Comparator;

/**
 * Strings in code point order, which is UTF-8 byte order: how DynamoDB sorts string keys and S3
 * lists object keys. {@link String#compareTo} (UTF-16 units) differs only where a supplementary
 * character (a surrogate pair) meets one from U+E000 to U+FFFF; this fixes that case without
 * encoding either string. Public only because the emulators live in separate packages.
 */
public final class Utf8Order implements Comparator<String> {

    public static final Utf8Order INSTANCE = new Utf8Order();

    private Utf8Order() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xs = Character.isSurrogate(x);
                if (xs != Character.isSurrogate(y)) {
                    return xs ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
