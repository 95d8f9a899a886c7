package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.posts.Image;

/**
 * What a public page says about itself to search engines and link previews: its one address
 * (canonical, og:url), what it is (a post is an "article", anything else a "website"), its picture,
 * its dates and categories, and for a post its JSON-LD. Every address here is absolute and made from
 * the configured site address.
 */
public record Sharing(String url, String type, Optional<Picture> image, Optional<String> published, Optional<String> modified,
                      List<String> tags, Optional<String> jsonLd) {

    /**
     * A picture for previews: an absolute address, its alt text, and its size where the site read it from the file (an
     * uploaded picture): a preview that knows the size lays the picture out on the first share, before it has fetched it.
     */
    public record Picture(String url, String alt, Optional<Image.Size> size) {
    }

    public Sharing {
        tags = List.copyOf(tags);
    }

    /** Any page but a post: an address and nothing more to say. */
    static Sharing website(String url) {
        return new Sharing(url, "website", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /**
     * A large preview where there is a picture to show that is large enough (X asks 300 by 157 at least; one whose size
     * is unknown is taken to be), a small one otherwise.
     */
    public String twitterCard() {
        boolean large = image.filter(i -> i.size().map(s -> s.width() >= 300 && s.height() >= 157).orElse(true)).isPresent();
        return large ? "summary_large_image" : "summary";
    }
}
