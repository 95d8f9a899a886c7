package se.inlagg.posts;

import java.util.Locale;
import java.util.Optional;

/** Whether readers may see a post (from its publishedAt on) or only its author. */
public enum Status {
    PUBLISHED, DRAFT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromWire(String value) {
        for (Status s : values()) {
            if (s.wire().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
