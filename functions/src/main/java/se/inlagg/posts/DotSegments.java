package se.inlagg.posts;

import java.util.ArrayList;
import java.util.List;

/**
 * A path's "." and ".." segments resolved as a browser resolves them (RFC 3986, 5.2.4), where java.net.URI's
 * normalize keeps a ".." that climbs above the root ("/../tags/x") and its resolve keeps those of a path that starts
 * with a slash ("/a/../x"). Used wherever an address must lead where a browser would be led.
 */
public final class DotSegments {

    private DotSegments() {
    }

    /**
     * An absolute path without its dot segments: "/a/./b/../c" is "/a/c", a ".." above the root stays at the root
     * ("/../tags/x" is "/tags/x"), and a trailing one leaves a folder ("/a/b/.." is "/a/", "/a/b.png/." is "/a/b.png/").
     * Any other path (empty, or relative) as it is.
     */
    public static String removed(String path) {
        if (!path.startsWith("/")) {
            return path;
        }
        String[] parts = path.split("/", -1);
        List<String> segments = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            if (parts[i].equals("..")) {
                // The first segment is the empty one before the root's slash: never taken off.
                if (segments.size() > 1) {
                    segments.removeLast();
                }
            } else if (!parts[i].equals(".")) {
                segments.add(parts[i]);
                continue;
            }
            if (last) {
                segments.add("");
            }
        }
        return String.join("/", segments);
    }
}
