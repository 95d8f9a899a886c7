package se.inlagg.web;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address of this site's own to send a browser to (back after signing in, the same page without a slash at
 * the end): a path and query of plain characters, so never another site's. No scheme, no "//" or "\" a browser
 * would take for a host, no tab or line break that browsers drop (API Gateway hands over the path decoded:
 * "/%09/elak.example" arrives as "/\t/elak.example", which a browser reads as "//elak.example").
 */
final class LocalPath {

    private static final Pattern SAFE = Pattern.compile("/[A-Za-z0-9/_.~%?=&-]{0,500}");

    private LocalPath() {
    }

    static Optional<String> of(String path) {
        return Optional.of(path).filter(p -> SAFE.matcher(p).matches() && !p.startsWith("//"));
    }
}
