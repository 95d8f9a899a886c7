package se.inlagg.images;

import java.util.Optional;

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

    /** The type of a picture uploaded here, by the extension the upload steps gave its name from its bytes ("….jpg"). */
    public static Optional<ImageType> ofStoredName(String name) {
        for (ImageType type : values()) {
            if (name.endsWith("." + type.extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
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
