package se.inlagg.posts;

import java.util.Optional;

/** A post's picture: an http(s) address, its alt text for screen readers and an optional caption. */
public record Image(String url, String alt, Optional<String> caption) {

    public Image {
        if (!isWebAddress(url)) {
            throw new IllegalArgumentException("image url must be http(s)");
        }
        alt = alt == null ? "" : alt;
        caption = caption.filter(c -> !c.isBlank());
    }

    /** Only http and https: a javascript: or data: address in an img would run or smuggle content. */
    public static boolean isWebAddress(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
