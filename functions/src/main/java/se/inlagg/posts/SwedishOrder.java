package se.inlagg.posts;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Names in the order a Swedish reader looks for them: å, ä and ö after z, "Åsa" after "Eva", case and
 * accents deciding only between names otherwise alike, and numbers by their value: "Vecka 9" before
 * "Vecka 10", "2 tips" before "10 tips" (the collator alone puts 10 first). The JDK's Swedish collator,
 * made on first use: it weighs on a cold start (docs/PERFORMANCE.md), paid only by the index pages and
 * the API's tag list.
 */
public final class SwedishOrder {

    private SwedishOrder() {
    }

    /** Made on first use; a holder, so loading this class costs nothing. */
    private static final class Holder {
        static final Collator COLLATOR = Collator.getInstance(Locale.of("sv", "SE"));
        /** Letters only (å, ä and ö are letters of their own in Swedish): case and accents wait for the whole names. */
        static final Collator LETTERS = letters();
        /** What is neither a letter (with its accents) nor a number. */
        static final Pattern NOT_FILED_BY = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

        private static Collator letters() {
            Collator c = (Collator) COLLATOR.clone();
            c.setStrength(Collator.PRIMARY);
            return c;
        }
    }

    /** Orders by name; the collator is thread-safe, so one serves every request. */
    public static <T> Comparator<T> byName(Function<T, String> name) {
        return (a, b) -> compare(name.apply(a), name.apply(b));
    }

    /**
     * Run by run of the names as filed ({@link #asFiled}): digits by their value, the rest by their letters, a number before other text (as the collator puts
     * digits before letters); then, for names alike so far ("02" and "2", "vecka 9" and "Vecka 9"), the whole names
     * by the collator (run by run at full strength, "vecka 10" would come before "Vecka 9"). Numbers never go to the
     * collator beside text: whether the order stayed one (a sort fails on an order that goes round in a circle)
     * would then hang on where the collator puts every other mark that looks like a digit, "²" or "٥".
     */
    static int compare(String a, String b) {
        List<String> left = runs(asFiled(a));
        List<String> right = runs(asFiled(b));
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            String x = left.get(i);
            String y = right.get(i);
            int c = isNumber(x) != isNumber(y) ? (isNumber(x) ? -1 : 1)
                    : isNumber(x) ? byValue(x, y) : Holder.LETTERS.compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(left.size(), right.size());
        return c != 0 ? c : Holder.COLLATOR.compare(a, b);
    }

    /**
     * Danish and Norwegian ø and æ as the Swedish ö and ä they are sorted with (SAOL's order: the JDK's collator puts
     * "Ølstue" after "Öst", as a letter after ö, where the README and a Swedish reader put it among the ö). Search reads
     * them so too (search.SwedishForms): a Swedish keyboard has neither.
     */
    public static String asSwedishLetters(String name) {
        return name.replace('ø', 'ö').replace('Ø', 'Ö').replace('æ', 'ä').replace('Æ', 'Ä');
    }

    /**
     * A name as a Swedish index files it: by its letters and numbers, marks between them as a space and none around them
     * ("<Taggen>" under T, "”Fika”" under F, "#metoo" under M: the JDK's collator, unlike a library's index, counts
     * punctuation, and would put "<Taggen>" first of all categories).
     */
    private static String asFiled(String name) {
        return Holder.NOT_FILED_BY.matcher(asSwedishLetters(name)).replaceAll(" ").strip();
    }

    /** The name cut where digits start or end: "Vecka 10 i Umeå" is "Vecka ", "10", " i Umeå". */
    private static List<String> runs(String name) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= name.length(); i++) {
            if (i == name.length() || isDigit(name.charAt(i)) != isDigit(name.charAt(i - 1))) {
                runs.add(name.substring(start, i));
                start = i;
            }
        }
        return runs;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumber(String run) {
        return !run.isEmpty() && isDigit(run.charAt(0));
    }

    /** Two runs of digits by their value, however long: without leading zeros, the longer is the larger. */
    private static int byValue(String x, String y) {
        String a = x.substring(leadingZeros(x));
        String b = y.substring(leadingZeros(y));
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** The zeros a run of digits starts with, all but its last digit at most. */
    private static int leadingZeros(String digits) {
        int zeros = 0;
        while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') {
            zeros++;
        }
        return zeros;
    }
}
