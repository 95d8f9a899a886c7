package se.inlagg.web;

import java.util.Optional;

/**
 * The edit form: the post's fields as stored (or as the author typed them), the version they were
 * read at, its picture, and when someone else saved in between, what the stored post says now. When it
 * holds what the author typed (a save's answer), its links elsewhere open a new tab: followed in this one,
 * the way back is the browser's "Confirm Form Resubmission", and the text was gone (found by a browser probe).
 */
public record EditView(String href, String status, String statusClass, long version, FormView form, Optional<Notice> done,
                       Optional<Conflict> conflict, Optional<PostView.Figure> image, boolean holdsTyped) {

    /** The stored post beside the author's own text, when a save found it changed. */
    public record Conflict(String title, String body, String changedDatetime, String changed, java.util.List<String> differences) {
        public Conflict {
            differences = java.util.List.copyOf(differences);
        }
    }
}
