package se.inlagg.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.PostDraft;

/**
 * Reads JSON bodies into drafts and tag lists, checking shapes and types only; the domain checks
 * the values. Unknown fields are refused so that a typo ("tag" for "tags") is not silently lost.
 */
final class DraftReader {

    private static final Set<String> POST_FIELDS = Set.of(
            "title", "body", "author", "tags", "publishedAt", "image", "excerpt", "status");
    private static final Set<String> AUTHOR_FIELDS = Set.of("name", "role", "office");
    private static final Set<String> IMAGE_FIELDS = Set.of("url", "alt", "caption");

    /**
     * A date given empty. In a form an empty date field means "now"; in JSON it is a mistake: the fields' absence (or null,
     * in a patch) says that. Refused alike by a create, a patch and publish.
     */
    static final String EMPTY_DATE = "must not be empty: give a date and time, or leave it out (null in a patch takes a date away)";

    private final JsonFields fields = new JsonFields();

    private DraftReader() {
    }

    /**
     * A client's body (a create's): an empty date is refused. A body with a field of the wrong type is refused with what the
     * rules say of the rest too ({@code rules}, given the draft with that field left out), each field named once: the
     * answer names every field to mend ({@code "tags": [null]} must not hide a missing title).
     */
    static PostDraft post(Map<String, Object> json, Function<PostDraft, List<FieldError>> rules) {
        refuseEmptyDate(json);
        DraftReader r = new DraftReader();
        PostDraft draft = r.read(json);
        if (!r.fields.errors().isEmpty()) {
            r.fields.addUnnamed(rules.apply(draft));
        }
        r.fields.failIfAny();
        return draft;
    }

    /** An edit's patch merged onto the post, where an empty date is the patch's null ({@code EditPostHandler.merged}). */
    static PostDraft merged(Map<String, Object> json) {
        DraftReader r = new DraftReader();
        PostDraft draft = r.read(json);
        r.fields.failIfAny();
        return draft;
    }

    /** The draft the body says, its shapes and types checked (each wrong one noted, and left out of the draft). */
    private PostDraft read(Map<String, Object> json) {
        fields.known(json, POST_FIELDS, "");
        Map<String, Object> author = fields.object(json, "author");
        Map<String, Object> image = fields.object(json, "image");
        fields.known(author, AUTHOR_FIELDS, "author.");
        fields.known(image, IMAGE_FIELDS, "image.");
        return new PostDraft(
                fields.text(json, "title"),
                fields.text(json, "body"),
                fields.text(author, "name", "author.name"),
                fields.text(author, "role", "author.role"),
                fields.text(author, "office", "author.office"),
                fields.texts(json, "tags"),
                fields.text(json, "publishedAt"),
                fields.text(image, "url", "image.url"),
                fields.text(image, "alt", "image.alt"),
                fields.text(image, "caption", "image.caption"),
                fields.text(json, "excerpt"),
                fields.text(json, "status"));
    }

    /** A client's body or patch whose date is an empty string: 400, before anything is read. */
    static void refuseEmptyDate(Map<String, Object> json) {
        if (json.get("publishedAt") instanceof String s && s.isBlank()) {
            throw new ProblemException(Problems.invalid(List.of(new FieldError("publishedAt", EMPTY_DATE))));
        }
    }

    /** The "tags" list of a tag request: {"tags": ["Frivård", "RBM"]}. */
    static List<String> tagList(Map<String, Object> json) {
        JsonFields fields = new JsonFields();
        fields.known(json, Set.of("tags"), "");
        if (json.get("tags") == null) {
            fields.add(new FieldError("tags", "must be a list of tag names"));
        }
        List<String> tags = fields.texts(json, "tags");
        fields.failIfAny();
        return tags;
    }
}
