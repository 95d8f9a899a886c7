package se.inlagg.posts;

import java.net.IDN;
import java.util.Optional;

/**
 * A host of letters beyond ASCII in the ASCII form a browser looks up: the WHATWG URL standard's, UTS #46 without its
 * transitional mapping. IDN implements IDNA2003, which maps the same letters to the same labels but for four
 * "deviation" characters: it makes ß "ss" and ς σ, and drops the zero-width joiner and non-joiner, so
 * "https://ß.de/x.jpg" would be stored as "https://ss.de/x.jpg", another domain, where a browser opens xn--zca.de. ICU4J's
 * UTS #46 would do all of it, but it is a 14 MB jar for a Lambda's cold start; so IDN maps each label still, and this
 * class keeps ß and ς through it. Every other host, Swedish ones among them ("malmö.se"), is IDN's alone.
 */
final class DomainNames {

    /**
     * Letters that stand in for ß and ς while IDN maps the rest of their label, so its case folding and normalisation see
     * the label whole: lowercase letters of Unicode 1.1, left to right as ß and ς are, with no capital and no other
     * character mapped, decomposed or composed to them (DomainNamesTest checks that against the JDK), so each one in
     * IDN's answer is one that stood in. Two are taken that the host does not have.
     */
    static final String STAND_INS = "\u0138\u018D\u01BA\u01BE";

    private DomainNames() {
    }

    /** The host in ASCII; empty when it cannot be a domain name, or when it has a joiner (see below). */
    static Optional<String> ascii(String host) {
        try {
            // A browser takes a joiner only after a virama or between Arabic letters that join (IDNA2008's CONTEXTJ), and
            // refuses the address otherwise; IDN would drop it and name another domain. Refused, rather than judged by
            // tables the JDK does not have.
            if (host.indexOf('\u200C') >= 0 || host.indexOf('\u200D') >= 0) {
                return Optional.empty();
            }
            if (host.indexOf('ß') < 0 && host.indexOf('ς') < 0) {
                return Optional.of(IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES));
            }
            return withDeviations(host);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> withDeviations(String host) {
        String free = STAND_INS.chars().filter(c -> host.indexOf(c) < 0).limit(2)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (free.length() < 2) {
            return Optional.empty();
        }
        char forSharpS = free.charAt(0);
        char forFinalSigma = free.charAt(1);
        String[] labels = IDN.toASCII(host.replace('ß', forSharpS).replace('ς', forFinalSigma), IDN.USE_STD3_ASCII_RULES)
                .split("\\.", -1);
        long deviations = host.chars().filter(c -> c == 'ß' || c == 'ς').count();
        long kept = 0;
        for (int i = 0; i < labels.length; i++) {
            String mapped = IDN.toUnicode(labels[i], IDN.USE_STD3_ASCII_RULES);
            long here = mapped.chars().filter(c -> c == forSharpS || c == forFinalSigma).count();
            if (here > 0) {
                String label = "xn--" + Punycode.encode(mapped.replace(forSharpS, 'ß').replace(forFinalSigma, 'ς'));
                if (label.length() > 63) {
                    return Optional.empty();
                }
                labels[i] = label;
                kept += here;
            }
        }
        // Each stand-in came back where its letter stood, or the host is refused: never one named by a stand-in.
        return kept == deviations ? Optional.of(String.join(".", labels)) : Optional.empty();
    }
}
