package se.inlagg.posts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns Swedish titles and tag names into the ASCII slugs used in every link and key. */
public final class Slugs {

    public static final int MAX_LENGTH = 80;

    /** Compiled once: every request naming a post checks its slug (String.matches compiles its pattern each call). */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static final String FALLBACK = "inlagg";

    private Slugs() {
    }

    /** "Att gästspela som chef" becomes "att-gastspela-som-chef"; empty when nothing is left. */
    public static String of(String text) {
        // Composed first: a decomposed "å" (a + U+030A) would otherwise leave a dash where its ring was.
        String lower = Nfc.of(text).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean dash = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp)) {
                // A mark left over once composed belongs to the letter before it, no break between words: "İstanbul"
                // lower-cased is "i" and a combining dot (not "i-stanbul").
                continue;
            }
            String ascii = transliterate(cp);
            if (ascii.isEmpty()) {
                dash = out.length() > 0;
                continue;
            }
            if (dash) {
                out.append('-');
                dash = false;
            }
            out.append(ascii);
        }
        return cutAtWord(out.toString(), MAX_LENGTH);
    }

    /** The slug a post gets from its title: never empty, so a title of only symbols still links. */
    public static String forTitle(String title) {
        String slug = of(title);
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** The n-th candidate for a taken slug: base, base-2, base-3, … never over the length limit. */
    public static String candidate(String base, int n) {
        if (n <= 1) {
            return base;
        }
        String suffix = "-" + n;
        return cutAtWord(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    public static boolean isSlug(String s) {
        return !s.isEmpty() && s.length() <= MAX_LENGTH && SLUG.matcher(s).matches();
    }

    static String transliterate(int cp) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            return Character.toString(cp);
        }
        if (cp < '\u00C0') {
            // Spaces, punctuation and Latin-1's symbols: no letter underneath, and no normalizer loaded to
            // find that out (a title's first space would otherwise load its tables on every page).
            return "";
        }
        // The letters Swedish (and its neighbours) write, without the JDK's Unicode normalizer, whose
        // tables every cold start would otherwise load for a byline's link.
        switch (cp) {
            case 'å', 'ä', 'à', 'á', 'â', 'ã': return "a";
            case 'ö', 'ò', 'ó', 'ô', 'õ': return "o";
            case 'é', 'è', 'ê', 'ë': return "e";
            case 'ü', 'ù', 'ú', 'û': return "u";
            case 'í', 'ì', 'î', 'ï': return "i";
            case 'ç': return "c";
            case 'ñ': return "n";
            case 'ý', 'ÿ': return "y";
            default: break;
        }
        switch (cp) {
            case 'æ': return "ae";
            case 'ø': return "o";
            case 'ß': return "ss";
            case 'œ': return "oe";
            case 'ð': return "d";
            case 'þ': return "th";
            case 'ł': return "l";
            default: break;
        }
        if (!Character.isLetterOrDigit(cp)) {
            return "";
        }
        // Decomposing strips the accents of å, ä, ö, é, ü and their kin, and takes a ligature apart ("ﬁ" is "fi", so
        // "ﬁka" is not filed under "ka"); what is left must be ASCII letters and digits.
        // Only its letters and digits: Catalan's "ŀ" is "l" and a middle dot.
        String base = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD).replaceAll("[^\\p{L}\\p{Nd}]+", "");
        return !base.isEmpty() && base.length() <= 3 && base.chars().allMatch(c -> c < 128)
                ? base.toLowerCase(Locale.ROOT) : "";
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static String cutAtWord(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', max);
        return cut > 0 ? slug.substring(0, cut) : slug.substring(0, max);
    }
}
