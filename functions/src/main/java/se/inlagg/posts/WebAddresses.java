package se.inlagg.posts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A web address as a browser's address bar shows it, in the form every reader of it takes: a host of Swedish letters
 * ("https://räksmörgås.se/bild.jpg", as the address bar shows a copied address) in its ASCII form
 * ("xn--rksmrgs-5wao1o.se"), and letters and spaces in the rest percent-encoded as UTF-8. Found by a probe: such a
 * picture address was refused as "not an http or https address", which it is, while the same host in a link of the
 * body was taken; java.net.URI reads no host in it. What an author types is stored in the converted form, so the
 * page, the feed, JSON-LD and Open Graph all carry one address every client reads.
 */
final class WebAddresses {

    private WebAddresses() {
    }

    /**
     * The address in ASCII, or as it was typed when it needs nothing (every ASCII address without a space or a character
     * of {@link #REFUSED_BY_URI}: no class of IDNA is loaded then) or cannot be converted (its host is no domain name): the caller's check then refuses it.
     * An empty port ("https://example.se:/x.jpg") is left out, as a browser leaves it out: it is no port (RFC 3986, 6.2.3).
     */
    static String ascii(String typed) {
        int start = typed.indexOf("://");
        if (start < 0) {
            return typed;
        }
        int end = authorityEnd(typed, start + 3);
        String scheme = typed.substring(0, start + 3);
        String authority = withoutEmptyPort(typed.substring(start + 3, end));
        String rest = typed.substring(end);
        if (typed.chars().allMatch(c -> c > ' ' && c < 0x7F && REFUSED_BY_URI.indexOf(c) < 0)) {
            return scheme + authority + rest;
        }
        return host(authority).map(converted -> scheme + converted + encoded(rest)).orElse(typed);
    }

    /**
     * Why no browser should be given an http or https address as it is: a user name or password before its host
     * ("https://user:pw@…", which every reader of a page, its feed and its Open Graph tags would be sent, and which
     * browsers refuse or warn of for a picture), or a port no server can have (0, above 65535, or not a number). Found by
     * a probe: java.net.URI takes both. Empty for any other address, which the caller's check judges.
     */
    static Optional<String> authorityProblem(String address) {
        if (!address.regionMatches(true, 0, "https://", 0, 8) && !address.regionMatches(true, 0, "http://", 0, 7)) {
            return Optional.empty();
        }
        int start = address.indexOf("://") + 3;
        String authority = address.substring(start, authorityEnd(address, start));
        if (authority.indexOf('@') >= 0) {
            return Optional.of(PostRules.URL_WITH_CREDENTIALS);
        }
        int colon = portColon(authority);
        return colon < 0 || colon == authority.length() - 1 || isPort(authority.substring(colon + 1))
                ? Optional.empty() : Optional.of(PostRules.URL_WITH_NO_SUCH_PORT);
    }

    /** Where the authority ends: at the path, the query or the fragment. */
    private static int authorityEnd(String address, int start) {
        int end = start;
        while (end < address.length() && "/?#".indexOf(address.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /** The colon before the port in an authority (after "[…]" for an IPv6 host), or -1. */
    private static int portColon(String authority) {
        int host = authority.lastIndexOf('@') + 1;
        if (authority.startsWith("[", host)) {
            int close = authority.indexOf(']', host);
            return close >= 0 && authority.startsWith(":", close + 1) ? close + 1 : -1;
        }
        return authority.indexOf(':', host);
    }

    private static String withoutEmptyPort(String authority) {
        return !authority.isEmpty() && portColon(authority) == authority.length() - 1
                ? authority.substring(0, authority.length() - 1) : authority;
    }

    /** 1 to 65535 in decimal digits, as a browser reads a port (leading zeros too: "0443" is 443). */
    private static boolean isPort(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        if (digits.length() - first > 5) {
            return false;
        }
        int port = Integer.parseInt(digits.substring(first));
        return port >= 1 && port <= 65_535;
    }

    /** user@host:port with the host's labels in ASCII, as a browser looks them up; empty when the host cannot be one. */
    private static Optional<String> host(String authority) {
        int at = authority.lastIndexOf('@');
        int colon = portColon(authority);
        String user = authority.substring(0, at + 1);
        String host = authority.substring(at + 1, colon < 0 ? authority.length() : colon);
        String port = colon < 0 ? "" : authority.substring(colon);
        if (host.isEmpty() || host.chars().allMatch(c -> c < 0x7F)) {
            return Optional.of(authority).filter(a -> a.chars().allMatch(c -> c > ' ' && c < 0x7F));
        }
        // Loaded only for a host that is not ASCII: IDN reads its tables on first use, which no other request pays for.
        return DomainNames.ascii(Nfc.of(host)).map(ascii -> user + ascii + port)
                .filter(a -> a.chars().allMatch(c -> c > ' ' && c < 0x7F));
    }

    /**
     * ASCII characters that java.net.URI refuses unescaped in a path, a query or a fragment, and that a browser takes
     * there (most it sends escaped): found by a probe, "https://…/a.jpg?w=800|h=600" (a CDN's size parameter) was refused
     * as "not an http or https address". Stored escaped, the address reads the same to every client but one that checks a
     * signature over the query as typed, and such an address was refused before. Not the backslash: a browser reads it as
     * "/", so escaping it would name another file.
     */
    private static final String REFUSED_BY_URI = "\"<>^`{|}";

    /**
     * Path, query and fragment with each letter beyond ASCII, each space, each control and each character a browser
     * escapes as UTF-8 escapes; the rest as it was.
     */
    private static String encoded(String rest) {
        StringBuilder out = new StringBuilder(rest.length() + 16);
        for (byte b : rest.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= ' ' || c >= 0x7F || REFUSED_BY_URI.indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
