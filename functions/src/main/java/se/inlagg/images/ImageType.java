package se.inlagg.images;

/** The picture formats the site takes, each known by its first bytes, never by a file's name. */
public enum ImageType {
    JPEG("jpg", "image/jpeg", "JPEG"),
    PNG("png", "image/png", "PNG"),
    WEBP("webp", "image/webp", "WebP");

    private final String extension;
    private final String mediaType;
    private final String label;

    ImageType(String extension, String mediaType, String label) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.label = label;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The name people know it by. */
    public String label() {
        return label;
    }
}
