package se.inlagg.web;

import java.util.Optional;

/**
 * The page after an upload: the picture as it came, what it is ("PNG, 640 × 320 pixlar"), and the
 * form for its alt text and caption, which saves it on the post at the version the author started from.
 */
public record ImageTextView(String title, String href, String previewSrc, int width, int height, String description, String key,
                            long version, FormView form, boolean replaces, Optional<String> conflict) {
}
