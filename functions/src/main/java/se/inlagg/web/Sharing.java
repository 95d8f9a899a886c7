package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * What a public page says about itself to search engines and link previews: its one address
 * (canonical, og:url), what it is (a post is an "article", anything else a "website"), its picture,
 * its dates and categories, and for a post its JSON-LD. Every address here is absolute and made from
 * the configured site address.
 */
public record Sharing(String url, String type, Optional<Picture> image, Optional<String> published, Optional<String> modified,
                      List<String> tags, Optional<String> jsonLd) {

    /** A picture for previews: an absolute address and its alt text. */
    public record Picture(String url, String alt) {
    }

    public Sharing {
        tags = List.copyOf(tags);
    }

    /** Any page but a post: an address and nothing more to say. */
    static Sharing website(String url) {
        return new Sharing(url, "website", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** A large preview where there is a picture to show, a small one otherwise. */
    public String twitterCard() {
        return image.isPresent() ? "summary_large_image" : "summary";
    }
}
