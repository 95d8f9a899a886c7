package se.inlagg.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
@Tag("benchmark")
class StemmerWordListBenchmark {

    static final Path WORDS = Path.of("/usr/share/dict/swedish");

    @Test
    void aWordAndItsFormInSHaveOneStem() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(WORDS), "no word list: apt-get install wswedish");
        Set<String> words = Files.readAllLines(WORDS, StandardCharsets.ISO_8859_1).stream()
                .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
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
}
