package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.IDN;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PunycodeTest {

    /** RFC 3492's own samples (7.1 A, B and L: basic letters in their case, first and last), and labels of ß and ö. */
    @Test
    void encodesAsRfc3492Does() {
        Map<String, String> samples = Map.of(
                "\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F", "egbpdaj6bu4bxfgehfvwxn",
                "\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587", "ihqwcrb4cv8a8dqg056pqjye",
                "3\u5E74B\u7D44\u91D1\u516B\u5148\u751F", "3B-ww4c5e180e575a65lsy2b",
                "ß", "zca",
                "straße", "strae-oqa",
                "malmö", "malm-8qa",
                "räksmörgås", "rksmrgs-5wao1o",
                "ελληνικός", "qxaegecap6byf",
                "ascii", "ascii-");
        samples.forEach((label, expected) -> assertEquals(expected, Punycode.encode(label), label));
    }

    @Test
    void takesNoLabelLongerThanADomainNameHas() {
        assertEquals(63, Punycode.encode("a".repeat(62)).length(), "62 letters and the hyphen");
        assertEquals(64, Punycode.encode("a".repeat(63)).length(), "63 letters, the most a label has, and the hyphen");
        assertThrows(IllegalArgumentException.class, () -> Punycode.encode("ö".repeat(64)));
    }

    /**
     * The JDK's own encoder (inside java.net.IDN) against this one, on labels IDN leaves as they are but for the
     * encoding: lowercase letters of several scripts mixed with ASCII, in labels short enough for IDN to take. The RFC's
     * samples reach few of the bias adaptation's branches; thousands of labels reach its boundaries too.
     */
    @Test
    void encodesAsTheJdksIdnDoesForLabelsOfManyScripts() {
        String letters = "abcz09-åäöéüæøñçàþαβγλμωабвяжщ一丁七中例漢字가각힣";
        int[] pool = letters.codePoints().toArray();
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            int length = 1 + random.nextInt(12);
            StringBuilder label = new StringBuilder();
            for (int j = 0; j < length; j++) {
                label.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String l = label.toString();
            if (l.codePoints().allMatch(c -> c < 0x80) || l.startsWith("-") || l.endsWith("-")) {
                continue;
            }
            String ascii = IDN.toASCII(l, IDN.USE_STD3_ASCII_RULES);
            assertEquals(ascii.substring("xn--".length()), Punycode.encode(l), l);
        }
    }
}
