package se.inlagg.posts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A post's picture: its address, its alt text for screen readers, an optional caption and, when
 * known, its size in pixels (written on the img, so the page does not jump as it loads). The
 * address is an http(s) one elsewhere, or one of the site's own pictures under /images/, which
 * only the upload steps give out. An uploaded picture also knows the post's version its save wrote
 * ({@code savedIn}), so that the same save sent again can tell its own change from a later one.
 */
public record Image(String url, String alt, Optional<String> caption, Optional<Size> size, OptionalLong savedIn) {

    /** Where the site serves the pictures authors upload: its own address, never the bucket's. */
    public static final String SITE_PATH = "/images/";
    /** A name the upload steps make: a hash of the upload and the type read from the file's bytes. */
    private static final Pattern STORED_NAME = Pattern.compile("[a-z2-7]{26}\\.(jpg|png|webp)");

    /** Width and height in pixels, as read from the file's header. */
    public record Size(int width, int height) {
        public Size {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("a picture has at least one pixel each way: " + width + "x" + height);
            }
        }
    }

    public Image {
        if (!isWebAddress(url) && !isStoredHere(url)) {
            throw new IllegalArgumentException("image url must be http(s) or one of the site's own pictures");
        }
        alt = alt == null ? "" : alt;
        caption = caption.filter(c -> !c.isBlank());
    }

    public Image(String url, String alt, Optional<String> caption) {
        this(url, alt, caption, Optional.empty());
    }

    public Image(String url, String alt, Optional<String> caption, Optional<Size> size) {
        this(url, alt, caption, size, OptionalLong.empty());
    }

    /** The same picture with other words: its file, size and the version its save wrote stay. */
    public Image withText(String alt, Optional<String> caption) {
        return new Image(url, alt, caption, size, savedIn);
    }

    /** This picture as its save writes it: into the post's version {@code version}. */
    public Image asSavedIn(long version) {
        return new Image(url, alt, caption, size, OptionalLong.of(version));
    }

    /** A picture uploaded here, by the name the upload steps gave it. */
    public static Image stored(String name, String alt, Optional<String> caption, Size size) {
        return new Image(SITE_PATH + name, alt, caption, Optional.of(size));
    }

    /** The name of a picture uploaded here ("…​.jpg"); empty for an address elsewhere. */
    public Optional<String> storedName() {
        return storedNameOf(url);
    }

    /** The name of the site's own picture an address names ("/images/….png"); empty for any other address. */
    public static Optional<String> storedNameOf(String url) {
        return isStoredHere(url) ? Optional.of(url.substring(SITE_PATH.length())) : Optional.empty();
    }

    public static boolean isStoredName(String name) {
        return STORED_NAME.matcher(name).matches();
    }

    /** One of the site's own pictures: "/images/" and a name the upload steps make, nothing else. */
    public static boolean isStoredHere(String url) {
        return url != null && url.startsWith(SITE_PATH) && isStoredName(url.substring(SITE_PATH.length()));
    }

    /**
     * The path of an uploaded picture's file named by a full address ("https://blogg.example/images/….png"), on any
     * site running this code: such a file lives only as long as its post has it.
     */
    public static Optional<String> storedPathOf(String address) {
        if (!isWebAddress(address)) {
            return Optional.empty();
        }
        // By its last two segments, decoded: "/../images/…", "/x/%2e%2e/images/…" and "%61…" reach the same file in a browser
        // (URI's normalize keeps a leading "..", and would see "%2e%2e" undecoded).
        String path = URI.create(address).getPath();
        if (path == null) {
            return Optional.empty();
        }
        // Its dot segments resolved as a browser resolves them: "/images/./…" and "/images/x/../…" reach the file too,
        // while a trailing one leaves a folder ("/images/….png/." is "/images/….png/").
        String[] segments = DotSegments.removed(path).split("/", -1);
        int n = segments.length;
        return n >= 2 && segments[n - 2].equals("images") && isStoredName(segments[n - 1])
                ? Optional.of(SITE_PATH + segments[n - 1]) : Optional.empty();
    }

    /** Only http and https: a javascript: or data: address in an img would run or smuggle content. */
    public static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
