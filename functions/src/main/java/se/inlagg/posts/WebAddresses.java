package se.inlagg.posts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A web address as a browser's address bar shows it, in the form every reader of it takes: a host of Swedish letters
 * ("https://räksmörgås.se/bild.jpg", as the address bar shows a copied address) in its ASCII form
 * ("xn--rksmrgs-5wao1o.se"), and letters and spaces in the rest percent-encoded as UTF-8. java.net.URI reads no host
 * in such an address, so a picture at it would be refused as "not an http or https address", which it is, while the
 * same host in a link of the body is taken. What an author types is stored in the converted form, so the
 * page, the feed, JSON-LD and Open Graph all carry one address every client reads.
 */
public final class WebAddresses {

    private WebAddresses() {
    }

    /** Where java.net.URI ends an authority, as the picture's rules read its address (a backslash it refuses). */
    private static final String URI_AUTHORITY_ENDS = "/?#";

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
        int end = authorityEnd(typed, start + 3, URI_AUTHORITY_ENDS);
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
     * browsers refuse or warn of for a picture) as a browser reads them ({@link #withoutUserInfo}), or a port no server
     * can have (0, above 65535, or not a number), both of which java.net.URI takes. Empty for any other address,
     * which the caller's check judges.
     */
    static Optional<String> authorityProblem(String address) {
        if (!address.regionMatches(true, 0, "https://", 0, 8) && !address.regionMatches(true, 0, "http://", 0, 7)) {
            return Optional.empty();
        }
        if (withoutUserInfo(address).isPresent()) {
            return Optional.of(PostRules.URL_WITH_CREDENTIALS);
        }
        int start = address.indexOf("://") + 3;
        String authority = address.substring(start, authorityEnd(address, start, URI_AUTHORITY_ENDS));
        int colon = portColon(authority);
        return colon < 0 || colon == authority.length() - 1 || isPort(authority.substring(colon + 1))
                ? Optional.empty() : Optional.of(PostRules.URL_WITH_NO_SUCH_PORT);
    }

    /**
     * An address with the user name and password a browser reads in it left out (with their "@"), and the host a browser
     * would send them to.
     */
    record WithoutUserInfo(String address, String host) {
    }

    /**
     * The address without the user name or password a browser reads in it; empty when it reads none. Read as the URL
     * Standard reads a link on an http or https page, not as java.net.URI does: tabs and newlines anywhere are dropped,
     * and controls and spaces at either end. After "http:", "https:" (in any case) or another scheme a browser knows the
     * same way ("ftp:", "ws:", "wss:"), and at the start of an address without a scheme, a run of slashes and backslashes
     * opens the authority (a browser reads "\" as "/" in such an address: "https:\\anna@host", "//anna@host" and
     * "/\anna@host" all send "anna"), which runs to the first "/", "\", "?" or "#"; after any other scheme, "//" opens one
     * that runs to the first "/", "?" or "#". What stands before the authority's last "@" is the user info; a "@"
     * percent-encoded ends nothing ("https://user%40x:pw@host" is user "user%40x"). A link in a post's body to
     * "https://user:pw@…" would send the password in every page, feed and API answer. "https:anna@host" is read as
     * having one though a browser on an https page takes it as a path there: on an http page it is an authority.
     */
    static Optional<WithoutUserInfo> withoutUserInfo(String href) {
        String u = asBrowserReads(href);
        int schemeEnd = schemeEnd(u);
        String scheme = schemeEnd < 0 ? "" : u.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        // An address without a scheme is the page's own, http or https: backslashes are slashes in it too.
        boolean backslashIsSlash = schemeEnd < 0 || BACKSLASH_IS_SLASH.contains(scheme);
        int start = schemeEnd + 1;
        boolean opensAuthority = schemeEnd < 0 ? u.length() >= 2 && isSlash(u.charAt(0)) && isSlash(u.charAt(1))
                : backslashIsSlash || u.startsWith("//", start);
        if (!opensAuthority || scheme.equals("file")) {
            return Optional.empty(); // a path, or a file's host, which has no user info
        }
        if (backslashIsSlash) {
            while (start < u.length() && isSlash(u.charAt(start))) {
                start++;
            }
        } else {
            start += 2; // "//" alone: a third slash begins the path
        }
        int end = authorityEnd(u, start, backslashIsSlash ? "/\\?#" : URI_AUTHORITY_ENDS);
        int at = u.lastIndexOf('@', end - 1);
        if (at < start) {
            return Optional.empty();
        }
        String authority = u.substring(start, end);
        int colon = portColon(authority);
        String host = authority.substring(authority.lastIndexOf('@') + 1, colon < 0 ? authority.length() : colon);
        return Optional.of(new WithoutUserInfo(u.substring(0, start) + u.substring(at + 1), host));
    }

    /** The schemes whose addresses a browser reads a backslash in as a slash: the URL Standard's special ones with a host. */
    private static final Set<String> BACKSLASH_IS_SLASH = Set.of("http", "https", "ws", "wss", "ftp");

    /**
     * An address in a page as a browser fetches it, written as java.net.URI reads it: read first ({@link #asBrowserReads}),
     * its host in ASCII and the rest escaped ({@link #ascii}), a backslash in its path a slash ({@link #asSent}).
     */
    static String asFetched(String typed) {
        return asSent(ascii(asBrowserReads(typed)));
    }

    /** Tabs and newlines anywhere left out, and controls and spaces at either end, as a browser reads an address first. */
    private static String asBrowserReads(String href) {
        int from = 0;
        int to = href.length();
        while (from < to && href.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && href.charAt(to - 1) <= ' ') {
            to--;
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = href.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Where the scheme's ":" is (a letter, then letters, digits, "+", "-" and "."), or -1 when the address has none. */
    private static int schemeEnd(String u) {
        if (u.isEmpty() || !isAsciiLetter(u.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && "+-.".indexOf(c) < 0) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    /** Where the authority ends: at the path, the query or the fragment, which begin with one of {@code ends}. */
    private static int authorityEnd(String address, int start, String ends) {
        int end = start;
        while (end < address.length() && ends.indexOf(address.charAt(end)) < 0) {
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
     * there (most it sends escaped): "https://…/a.jpg?w=800|h=600" (a CDN's size parameter) would be refused as "not an
     * http or https address". Stored escaped, the address reads the same to every client but one that checks a
     * signature over the query as typed, which refusing it would serve no better. Not the backslash: a browser reads it as
     * "/", so escaping it would name another file.
     */
    private static final String REFUSED_BY_URI = "\"<>^`{|}";

    /**
     * An address as a browser sends it, written as java.net.URI reads it: each character {@link #encoded} escapes so
     * escaped, a "%" that starts no escape escaped itself, and a backslash in the path a slash, as a browser reads one in
     * an http address (in the query or the fragment it is escaped: a browser sends it there as it is).
     */
    public static String asSent(String address) {
        StringBuilder out = new StringBuilder(address.length());
        boolean inPath = true;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            inPath &= c != '?' && c != '#';
            boolean escape = c == '%' && i + 2 < address.length() && hex(address.charAt(i + 1)) && hex(address.charAt(i + 2));
            out.append(c == '\\' ? (inPath ? "/" : "%5C") : c == '%' && !escape ? "%25" : String.valueOf(c));
        }
        return encoded(out.toString());
    }

    private static boolean hex(char c) {
        return c < 0x80 && Character.digit(c, 16) >= 0;
    }

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
