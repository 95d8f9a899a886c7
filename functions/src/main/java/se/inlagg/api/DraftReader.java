package se.inlagg.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private final List<FieldError> errors = new ArrayList<>();

    private DraftReader() {
    }

    static PostDraft post(ObjectNode json) {
        DraftReader r = new DraftReader();
        r.known(json, POST_FIELDS, "");
        ObjectNode author = r.object(json, "author");
        ObjectNode image = r.object(json, "image");
        r.known(author, AUTHOR_FIELDS, "author.");
        r.known(image, IMAGE_FIELDS, "image.");
        PostDraft draft = new PostDraft(
                r.text(json, "title", "title"),
                r.text(json, "body", "body"),
                r.text(author, "name", "author.name"),
                r.text(author, "role", "author.role"),
                r.text(author, "office", "author.office"),
                r.texts(json, "tags"),
                r.text(json, "publishedAt", "publishedAt"),
                r.text(image, "url", "image.url"),
                r.text(image, "alt", "image.alt"),
                r.text(image, "caption", "image.caption"),
                r.text(json, "excerpt", "excerpt"),
                r.text(json, "status", "status"));
        r.failIfAny();
        return draft;
    }

    /** The "tags" list of a tag request: {"tags": ["Frivård", "RBM"]}. */
    static List<String> tagList(ObjectNode json) {
        DraftReader r = new DraftReader();
        r.known(json, Set.of("tags"), "");
        if (!json.has("tags") || json.get("tags").isNull()) {
            r.errors.add(new FieldError("tags", "must be a list of tag names"));
        }
        List<String> tags = r.texts(json, "tags");
        r.failIfAny();
        return tags;
    }

    private void known(ObjectNode node, Set<String> fields, String prefix) {
        if (node == null) {
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                errors.add(new FieldError(prefix + name, "is not a known field"));
            }
        });
    }

    private ObjectNode object(ObjectNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node instanceof ObjectNode o) {
            return o;
        }
        errors.add(new FieldError(name, "must be an object"));
        return null;
    }

    private Optional<String> text(ObjectNode parent, String name, String field) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    private List<String> texts(ObjectNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError(name, "must be a list of strings"));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                values.add(node.get(i).textValue());
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
