package se.inlagg.web;

import java.util.Optional;

/**
 * What a new post's form says of itself: its id, the key of what it makes, the same through every showing of the form;
 * and the showing it was sent from, a token each showing has of its own (the field "shown"). The key makes a form sent
 * twice one post; the showing tells the page that made the post from any other showing of the same form, which may hold
 * older text (a page the form was refused on, reloaded and sent again after the post was made, must not replace the
 * post's text with its own). A field of its own, not a part of the id, so that a version of the code from before it,
 * deployed again, reads the same key from the same form.
 *
 * @param key   the idempotency key of what the form makes
 * @param shown the showing it was sent from; empty from a form shown before showings had one
 */
record FormId(String key, Optional<String> shown) {

    /** The longest id or showing taken; no form of ours carries a longer one. */
    private static final int LONGEST = 100;

    /** The form's id and showing as sent, or empty when its id is missing or could not be a key. */
    static Optional<FormId> of(FormData form) {
        Optional<String> shown = form.get("shown").filter(s -> !s.isBlank() && s.length() <= LONGEST);
        return form.get("formId").filter(id -> !id.isBlank() && id.length() <= LONGEST).map(id -> new FormId(id, shown));
    }
}
