package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hosts in the form a browser looks up (WHATWG URL: UTS #46, nontransitional). The expected labels were computed apart
 * from this code, with Python's idna package (idna.encode(host, uts46=True, transitional=False)) and its punycode codec.
 */
class DomainNamesTest {

    /** "https://ß.de/x.jpg" is not stored as "https://ss.de/x.jpg" (java.net.IDN's IDNA2003), another domain. */
    @Test
    void sharpSAndFinalSigmaAreKeptAsABrowserKeepsThem() {
        Map<String, String> hosts = Map.of(
                "ß.de", "xn--zca.de",
                "straße.de", "xn--strae-oqa.de",
                "STRAßE.de", "xn--strae-oqa.de",
                "Maße.Straße.de", "xn--mae-6ka.xn--strae-oqa.de",
                "fußball.malmö.se", "xn--fuball-cta.xn--malm-8qa.se",
                "grüße.de", "xn--gre-6ka8l.de",
                "ελληνικός.gr", "xn--qxaegecap6byf.gr",
                "ßς.de", "xn--zca29l.de",
                "ß.de.", "xn--zca.de.");
        hosts.forEach((host, ascii) -> assertEquals(Optional.of(ascii), DomainNames.ascii(host), host));
        assertEquals(Optional.of("xn--qxaegecap4c9d.gr"), DomainNames.ascii("ΕΛΛΗΝΙΚΌΣ.gr"), "a capital sigma is σ, in a browser too");
        assertEquals(Optional.of("xn--zca1p.de"), DomainNames.ascii("ĸß.de"), "a host with a stand-in letter of its own");
    }

    @Test
    void swedishAndOtherHostsAreAsIdnMadeThem() {
        Map<String, String> hosts = Map.of(
                "bilder.malmö.se", "bilder.xn--malm-8qa.se",
                "räksmörgås.se", "xn--rksmrgs-5wao1o.se",
                "RÄKSMÖRGÅS.se", "xn--rksmrgs-5wao1o.se",
                "例え.jp", "xn--r8jz45g.jp");
        hosts.forEach((host, ascii) -> assertEquals(Optional.of(ascii), DomainNames.ascii(host), host));
    }

    /**
     * A joiner is refused: a browser takes it only after a virama or between joining Arabic letters and refuses the rest,
     * where IDN dropped it ("a\u200Db.se" was ab.se). A label of ß too long for DNS (63 characters) is refused, as IDN
     * refuses any.
     */
    @Test
    void aJoinerOrALabelTooLongForDnsIsRefused() {
        for (String host : new String[] {"a\u200Db.se", "a\u200Cb.se", "\u0915\u094D\u200D.in", "ß".repeat(60) + ".de"}) {
            assertEquals(Optional.empty(), DomainNames.ascii(host), host);
        }
        // At the very limit, where ς's label is one character longer than its stand-in's, which IDN took: 63 is a label,
        // 64 none.
        assertEquals(63, DomainNames.ascii("a".repeat(54) + "ς.gr").orElseThrow().indexOf('.'));
        assertEquals(Optional.empty(), DomainNames.ascii("a".repeat(55) + "ς.gr"));
    }

    /** The premise of the stand-ins, against the JDK: no other character becomes one by case or by normalisation. */
    @Test
    void noOtherCharacterBecomesAStandIn() {
        for (int standIn : DomainNames.STAND_INS.toCharArray()) {
            assertEquals(Character.LOWERCASE_LETTER, Character.getType(standIn));
            assertEquals(Character.DIRECTIONALITY_LEFT_TO_RIGHT, Character.getDirectionality(standIn));
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (cp == standIn || !Character.isDefined(cp) || Character.getType(cp) == Character.SURROGATE) {
                    continue;
                }
                String s = Character.toString(cp);
                String folded = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT) + s.toLowerCase(Locale.ROOT);
                int c = cp;
                assertEquals(-1, (Normalizer.normalize(s, Normalizer.Form.NFKD) + folded).indexOf(standIn),
                        () -> "U+" + Integer.toHexString(c));
            }
        }
    }
}
