package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * A form as the page shows it: every field with what the author typed, each message beside its
 * field and again in a summary at the top (linked to the field), so nothing typed is ever lost.
 */
public record FormView(String heading, String action, List<Field> fields, Optional<String> notice, String errorsIntro,
                       List<Link> errors, String csrf, String formId, List<Button> buttons, Optional<Long> version,
                       Optional<String> sameTitleAllowed, Optional<String> shown) {

    public FormView(String heading, String action, List<Field> fields, Optional<String> notice, String errorsIntro,
                    List<Link> errors, String csrf, String formId, List<Button> buttons) {
        this(heading, action, fields, notice, errorsIntro, errors, csrf, formId, buttons, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The same form carrying the version of the post its text was written from, where the page around it does
     * not (the edit form shown to an author signed out meanwhile): saved once signed in again, it is no conflict.
     */
    FormView withVersion(long v) {
        return new FormView(heading, action, fields, notice, errorsIntro, errors, csrf, formId, buttons, Optional.of(v), sameTitleAllowed, shown);
    }

    /**
     * The same form, told that its author knows they saved a post of this title just now, and will save another: sent
     * with this title, it is not asked about again (PostService#sameTitleJustNow).
     */
    FormView allowingSameTitle(String title) {
        return new FormView(heading, action, fields, notice, errorsIntro, errors, csrf, formId, buttons, version, Optional.of(title), shown);
    }

    /** The same form, as this showing of it ({@link FormId}): sent again from it, a new post's form mends what it made. */
    FormView shownAs(String showing) {
        return new FormView(heading, action, fields, notice, errorsIntro, errors, csrf, formId, buttons, version, sameTitleAllowed,
                Optional.of(showing));
    }

    /** Whether the form has a button for this action ("image": save, then upload a picture). */
    public boolean offers(String action) {
        return buttons.stream().anyMatch(b -> b.value().equals(action));
    }

    /** One field; {@code rows} above 1 makes it a text area. */
    public record Field(String name, String label, String value, int rows, boolean required, Optional<String> hint,
                        Optional<String> error) {
        public boolean multiline() {
            return rows > 1;
        }

        /**
         * What a browser may fill a byline's field with from what it knows of its user (WCAG 1.3.5: an author's own name,
         * role and office, on the profile and the post forms alike), so autofill and the symbols some users read by can
         * help; null (no attribute) for any other field.
         */
        public String autocomplete() {
            return switch (name) {
                case "name", "authorName" -> "name";
                case "role", "authorRole" -> "organization-title";
                case "office", "authorOffice" -> "organization";
                default -> null;
            };
        }

        /** The ids of the field's hint and message, for aria-describedby; null (no attribute) without either. */
        public String describedBy() {
            String ids = (hint.isPresent() ? name + "-hint " : "") + (error.isPresent() ? name + "-error" : "");
            return ids.isBlank() ? null : ids.strip();
        }
    }

    /** A submit button; its value says which action the form asks for. */
    public record Button(String value, String label, boolean secondary) {
    }

    /** Whether this is the new post's form, whose unsaved words the author's browser keeps (DraftScript; edit.jte keeps an edit's). */
    public boolean keepsDraft() {
        return action.equals("/write");
    }
}
