package se.inlagg.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * in a patch) says that. From an API probe: "" was "now" in a create, null in a patch and refused by publish.
     */
    static final String EMPTY_DATE = "must not be empty: give a date and time, or leave it out (null in a patch takes a date away)";

    private final List<FieldError> errors = new ArrayList<>();

    private DraftReader() {
    }

    /**
     * A client's body (a create's): an empty date is refused. A body with a field of the wrong type is refused with what the
     * rules say of the rest too ({@code rules}, given the draft with that field left out), each field named once: the
     * answer names every field to mend (found by an integrator's probe: {@code "tags": [null]} hid a missing title).
     */
    static PostDraft post(Map<String, Object> json, Function<PostDraft, List<FieldError>> rules) {
        refuseEmptyDate(json);
        DraftReader r = new DraftReader();
        PostDraft draft = r.read(json);
        if (!r.errors.isEmpty()) {
            Set<String> named = new HashSet<>();
            r.errors.forEach(e -> named.add(e.field()));
            rules.apply(draft).stream().filter(e -> !named.contains(e.field())).forEach(r.errors::add);
        }
        r.failIfAny();
        return draft;
    }

    /** An edit's patch merged onto the post, where an empty date is the patch's null ({@code EditPostHandler.merged}). */
    static PostDraft merged(Map<String, Object> json) {
        DraftReader r = new DraftReader();
        PostDraft draft = r.read(json);
        r.failIfAny();
        return draft;
    }

    /** The draft the body says, its shapes and types checked (each wrong one noted, and left out of the draft). */
    private PostDraft read(Map<String, Object> json) {
        known(json, POST_FIELDS, "");
        Map<String, Object> author = object(json, "author");
        Map<String, Object> image = object(json, "image");
        known(author, AUTHOR_FIELDS, "author.");
        known(image, IMAGE_FIELDS, "image.");
        PostDraft draft = new PostDraft(
                text(json, "title", "title"),
                text(json, "body", "body"),
                text(author, "name", "author.name"),
                text(author, "role", "author.role"),
                text(author, "office", "author.office"),
                texts(json, "tags"),
                text(json, "publishedAt", "publishedAt"),
                text(image, "url", "image.url"),
                text(image, "alt", "image.alt"),
                text(image, "caption", "image.caption"),
                text(json, "excerpt", "excerpt"),
                text(json, "status", "status"));
        return draft;
    }

    /** A client's body or patch whose date is an empty string: 400, before anything is read. */
    static void refuseEmptyDate(Map<String, Object> json) {
        if (json.get("publishedAt") instanceof String s && s.isBlank()) {
            throw new ProblemException(Problems.invalid(List.of(new FieldError("publishedAt", EMPTY_DATE))));
        }
    }

    /** The "tags" list of a tag request: {"tags": ["Frivård", "RBM"]}. */
    static List<String> tagList(Map<String, Object> json) {
        DraftReader r = new DraftReader();
        r.known(json, Set.of("tags"), "");
        if (json.get("tags") == null) {
            r.errors.add(new FieldError("tags", "must be a list of tag names"));
        }
        List<String> tags = r.texts(json, "tags");
        r.failIfAny();
        return tags;
    }

    private void known(Map<String, Object> node, Set<String> fields, String prefix) {
        for (String name : node.keySet()) {
            if (!fields.contains(name)) {
                errors.add(new FieldError(prefix + name, "is not a known field"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Map<String, Object> parent, String name) {
        Object node = parent.get(name);
        if (node == null) {
            return Map.of();
        }
        if (node instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        errors.add(new FieldError(name, "must be an object"));
        return Map.of();
    }

    private Optional<String> text(Map<String, Object> parent, String name, String field) {
        Object node = parent.get(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof String s)) {
            errors.add(new FieldError(field, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private List<String> texts(Map<String, Object> parent, String name) {
        Object node = parent.get(name);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            errors.add(new FieldError(name, "must be a list of strings"));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s) {
                values.add(s);
            } else {
                errors.add(new FieldError(name + "[" + i + "]", "must be a string"));
            }
        }
        return values;
    }

    private void failIfAny() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
    }
}
