package se.inlagg.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How often search's stemmer gives a word and its form in "-s" one stem (a genitive, "Kalmars" and "Kalmar"; a
 * passive, "bokats" and "bokat", which the rule leaves apart), over the words of Debian's wswedish list: each word of
 * five letters or more in "-s" whose word without it is in the list too. A list of words is no list of such pairs ("polis" is no form of "poli"), so it prints
 * the share and asserts nothing: it is for comparing a change of {@link SwedishForms} with the code before it.
 *
 * <p>Run it from the repository's root, after {@code apt-get install wswedish}, with
 * {@code ./inlagg test -q -pl local -am -Dtest=StemmerWordListBenchmark -Dbenchmark.excluded=none -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures are in local/target/surefire-reports/se.inlagg.search.StemmerWordListBenchmark-output.txt. Of 44,184 pairs,
 * one stem for 78.3 % before 7f2f73a, 99.2 % at it, and 94.6 % once passives were left out of the rule (from a review).
 * Of 1,731 pairs of a word in "-er" or "-en" and its form with the "e" dropped, one stem for 36.5 % before the rule for
 * them, 67.6 % after it, 66.8 % once a comparative's "-re" was left out of it (from a review: "lägre" is no "läger"), and
 * 66.4 % once a few stems of words of an office that the rule made another word's were ("lagra" is no "lag").
 */
@Tag("benchmark")
class StemmerWordListBenchmark {

    static final Path WORDS = Path.of("/usr/share/dict/swedish");

    @Test
    void aWordAndItsFormInSHaveOneStem() throws IOException {
        Set<String> words = words();
        SwedishForms.Stems stems = new SwedishForms.Stems();
        int pairs = 0;
        int oneStem = 0;
        for (String word : words) {
            String without = word.substring(0, Math.max(0, word.length() - 1));
            if (word.length() >= 5 && word.endsWith("s") && words.contains(without)) {
                pairs++;
                if (stems.of(word).folded().equals(stems.of(without).folded())) {
                    oneStem++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%s: %,d words; %,d pairs of a word in -s and the word without it; one stem for %,d (%.1f %%)%n%n",
                WORDS, words.size(), pairs, oneStem, 100.0 * oneStem / pairs);
    }

    /**
     * A word in "-er" or "-en" after a consonant and its forms with the "e" dropped before an ending ("vinter" and
     * "vintrar", "öppen" and "öppna", "vatten" and "vattnet"), each such form the list holds: not all are one word
     * ("under" and "undra"), so this too prints and asserts nothing.
     */
    @Test
    void aWordInErOrEnAndItsFormsWithoutTheEHaveOneStem() throws IOException {
        Set<String> words = words();
        SwedishForms.Stems stems = new SwedishForms.Stems();
        int pairs = 0;
        int oneStem = 0;
        for (String word : words) {
            int n = word.length();
            if (n < 5 || !(word.endsWith("er") || word.endsWith("en")) || "aeiouyåäö".indexOf(word.charAt(n - 3)) >= 0) {
                continue;
            }
            String dropped = word.substring(0, n - 2) + word.charAt(n - 1);
            for (String ending : List.of("a", "ar", "arna", "e", "en", "et", "or", "orna", "are", "ast")) {
                if (words.contains(dropped + ending)) {
                    pairs++;
                    if (stems.of(word).folded().equals(stems.of(dropped + ending).folded())) {
                        oneStem++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%s: %,d pairs of a word in -er or -en and its form with the e dropped; one stem for %,d (%.1f %%)%n%n",
                WORDS, pairs, oneStem, 100.0 * oneStem / pairs);
    }

    /** The list's words in lower case; the test is skipped on a machine without the list. */
    private static Set<String> words() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(WORDS), "no word list: apt-get install wswedish");
        return Files.readAllLines(WORDS, StandardCharsets.ISO_8859_1).stream()
                .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
