package se.inlagg.posts;

/**
 * Whether a post's excerpt is the one made from its text ({@link PostRules#derivedExcerpt}), worked out when the two are
 * written and stored beside the text as a mark. A page that only asks (the edit form, which shows such an excerpt empty)
 * then reads the mark instead of the text as Markdown, which would load the Markdown parser, some 200 classes, into its
 * cold start. The mark names the rules and both texts it was worked out for (their SHA-256, which every function has
 * loaded to sign its requests), so a mark for other texts or other rules is worked out again, never trusted: a write that
 * leaves it behind costs time, not a wrong answer.
 */
public final class ExcerptOrigin {

    /**
     * Raised when {@link PostRules#derivedExcerpt} comes to answer otherwise for some excerpt and text (it learns an older
     * way excerpts were made): every mark stored before is then worked out again.
     */
    static final int RULES = 1;
    private static final String FROM_BODY = "body ";
    private static final String AUTHORS = "author ";

    private ExcerptOrigin() {
    }

    /** The mark to store with this excerpt and text, as a read gives them back. */
    public static String mark(String excerpt, String body) {
        return (PostRules.derivedExcerpt(excerpt, body) ? FROM_BODY : AUTHORS) + key(excerpt, body);
    }

    /** Whether the excerpt is made from the text: as the mark says when it was made for these two, else worked out. */
    public static boolean fromBody(String excerpt, String body, String mark) {
        if (mark.isEmpty()) {
            return PostRules.derivedExcerpt(excerpt, body);
        }
        String key = key(excerpt, body);
        if (mark.equals(FROM_BODY + key)) {
            return true;
        }
        return !mark.equals(AUTHORS + key) && PostRules.derivedExcerpt(excerpt, body);
    }

    private static String key(String excerpt, String body) {
        // The excerpt's length first: no two pairs are one text by moving words from the excerpt to the body.
        return RULES + " " + Sha256.hex(excerpt.length() + ":" + excerpt + body);
    }
}
