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
     */
    static String ascii(String typed) {
        if (typed.chars().allMatch(c -> c > ' ' && c < 0x7F && REFUSED_BY_URI.indexOf(c) < 0)) {
            return typed;
        }
        int start = typed.indexOf("://");
        if (start < 0) {
            return typed;
        }
        int end = start + 3;
        while (end < typed.length() && "/?#".indexOf(typed.charAt(end)) < 0) {
            end++;
        }
        String rest = typed.substring(end);
        return host(typed.substring(start + 3, end))
                .map(authority -> typed.substring(0, start + 3) + authority + encoded(rest))
                .orElse(typed);
    }

    /** user@host:port with the host's labels in ASCII, as a browser looks them up; empty when the host cannot be one. */
    private static Optional<String> host(String authority) {
        int at = authority.lastIndexOf('@');
        String user = authority.substring(0, at + 1);
        String hostAndPort = authority.substring(at + 1);
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon < 0 || hostAndPort.startsWith("[") ? hostAndPort : hostAndPort.substring(0, colon);
        String port = hostAndPort.substring(host.length());
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
