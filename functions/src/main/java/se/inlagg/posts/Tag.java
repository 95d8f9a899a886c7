package se.inlagg.posts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A category: the name people read and the slug that links and keys use; one slug is one tag. */
public record Tag(String slug, String name) {

    public static final int MAX_NAME_LENGTH = 50;
    public static final int MAX_PER_POST = 20;

    public Tag {
        if (!Slugs.isSlug(slug)) {
            throw new IllegalArgumentException("not a tag slug: " + slug);
        }
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("tag name must be 1–50 characters");
        }
    }

    /**
     * Trims every space ({@link Blanks}), collapses the spaces within, takes out hints of a line break ({@link BreakHints}:
     * "Sam{U+00AD}verkan" with a soft hyphen is Samverkan) and the marks of a direction ({@link DirectionControls#withoutMarks})
     * and composes (NFC) a name as typed; empty when nothing is left.
     */
    public static String normalizeName(String raw) {
        return asNamedBefore(DirectionControls.withoutMarks(raw));
    }

    /**
     * A name as names were made before the marks of a direction were taken out of them: a category stored then with one
     * has the slug its mark made ("fi-ka" for "Fi{U+200E}ka"), which a removal by that name also looks for (from a review).
     */
    static String asNamedBefore(String raw) {
        return Blanks.trimmed(Nfc.of(BreakHints.removed(raw))).replaceAll("[\\s\\p{Zs}]+", " ");
    }

    /** The tag a typed name stands for; the caller has checked it with {@link #problemWith}. */
    public static Tag named(String raw) {
        String name = normalizeName(raw);
        return new Tag(Slugs.of(name), name);
    }

    /** A name that makes no address: nothing in it is a letter a–z (accents aside) or a digit. */
    public static final String LETTER_OR_DIGIT = "must contain a letter a–z or a digit (å, ä, ö, é and other accented letters count)";

    /** Why a typed name cannot be a tag, or null when it can. */
    public static String problemWith(String raw) {
        String name = normalizeName(raw);
        if (name.isEmpty()) {
            return "must not be empty";
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            return "must be at most " + MAX_NAME_LENGTH + " characters";
        }
        if (Slugs.of(name).isEmpty()) {
            // Its address is made of these ("Москва" makes none), so "a letter" alone would mislead authors.
            return LETTER_OR_DIGIT;
        }
        return null;
    }

    /** Keeps the first of each slug, in order: "Frivård" and "frivard" are one tag. */
    public static List<Tag> distinct(List<Tag> tags) {
        Map<String, Tag> bySlug = new LinkedHashMap<>();
        for (Tag tag : tags) {
            bySlug.putIfAbsent(tag.slug(), tag);
        }
        return new ArrayList<>(bySlug.values());
    }
}
