package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * The edit form: the post's fields as stored (or as the author typed them), the version they were
 * read at, its picture, and when someone else saved in between, what the stored post says now.
 */
public record EditView(String href, String status, String statusClass, long version, FormView form, Optional<Notice> done,
                       Optional<Conflict> conflict, Optional<PostView.Figure> image) {

    /**
     * The stored post beside the author's own text, when a save found it changed.
     *
     * @param heading what the conflict is headed: the post changed since the form was opened, or a new post's form sent again
     * @param live    whether readers see the post as stored: then saving over it shows them the author's version at once
     */
    public record Conflict(String heading, String title, String body, String changedDatetime, String changed,
                           List<String> differences, boolean live) {
        public Conflict {
            differences = List.copyOf(differences);
        }
    }
}
