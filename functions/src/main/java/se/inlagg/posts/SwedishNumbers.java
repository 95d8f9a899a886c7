package se.inlagg.posts;

import java.math.BigInteger;
import java.util.Locale;

/** Numbers as Swedish writes them, for the pages and their messages. */
public final class SwedishNumbers {

    private SwedishNumbers() {
    }

    /**
     * "100 000", not "100000": a space between each three digits of a number of five digits or more, one that does not break
     * (U+00A0), so no line ends in "100" and the next begins "000". Four digits stay whole.
     */
    public static String grouped(String digits) {
        return digits.length() < 5 ? digits
                : String.format(Locale.ROOT, "%,d", new BigInteger(digits)).replace(',', '\u00A0');
    }
}
