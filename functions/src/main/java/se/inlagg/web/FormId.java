package se.inlagg.web;

import java.util.Optional;
import se.inlagg.auth.Tokens;

/**
 * A new post's form id as the form carries it: the key of what the form makes, the same through every showing of the
 * form, a point, and that showing's own token. The key makes a form sent twice one post; the showing tells the page that
 * made the post from any other showing of the same form, which may hold older text (found by an author's probe: back
 * from the post to a page the form was refused on, reloaded and sent again, and the older text replaced the post's).
 *
 * @param key   the idempotency key of what the form makes
 * @param shown the showing it was sent from; empty from a form shown before showings had one
 */
record FormId(String key, Optional<String> shown) {

    /** The longest key taken; a longer one (no form of ours carries one) makes no key at all. */
    private static final int MAX_KEY = 100;

    /** The id a form with this key is shown with: the key and a showing of its own. */
    static String shown(String key) {
        return key + "." + Tokens.newToken();
    }

    /** The id as a form sent it, or empty when it is missing or could not be a key. */
    static Optional<FormId> of(FormData form) {
        return form.get("formId").flatMap(FormId::parse);
    }

    static Optional<FormId> parse(String sent) {
        int point = sent.indexOf('.');
        String key = point < 0 ? sent : sent.substring(0, point);
        Optional<String> shown = point < 0 ? Optional.empty() : Optional.of(sent.substring(point + 1)).filter(s -> !s.isBlank() && s.length() <= MAX_KEY);
        return key.isBlank() || key.length() > MAX_KEY ? Optional.empty() : Optional.of(new FormId(key, shown));
    }
}
