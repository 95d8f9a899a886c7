package se.inlagg.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.FieldError;

/**
 * A JSON body's fields read for their shapes and types, each wrong one noted and read as absent, so that one answer
 * names every field to mend. Every request body of the API is read through one.
 */
final class JsonFields {

    private final List<FieldError> errors = new ArrayList<>();

    /** Each field of {@code node} not among {@code fields} noted ("is not a known field"): a typo is not silently lost. */
    void known(Map<String, Object> node, Set<String> fields, String prefix) {
        for (String name : node.keySet()) {
            if (!fields.contains(name)) {
                errors.add(new FieldError(prefix + name, "is not a known field"));
            }
        }
    }

    /** An object field; empty when absent or noted as not an object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(Map<String, Object> parent, String name) {
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

    /** A string field named as it stands at the top of the body. */
    Optional<String> text(Map<String, Object> parent, String name) {
        return text(parent, name, name);
    }

    /** A string field of {@code parent}, named {@code field} in an error ("author.name"); empty when absent or not a string. */
    Optional<String> text(Map<String, Object> parent, String name, String field) {
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

    /** A list of strings; each item that is not one noted by its place ("tags[2]") and left out. */
    List<String> texts(Map<String, Object> parent, String name) {
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

    /** A problem with a field's value, found by the caller, noted with the rest. */
    void add(FieldError error) {
        errors.add(error);
    }

    /**
     * The rules' problems with the values read (given what was read, wrong types left out), each of a field not noted
     * already: every field named once, by the first thing wrong with it (a type error must not hide a missing title).
     */
    void addUnnamed(List<FieldError> more) {
        Set<String> named = new HashSet<>();
        errors.forEach(e -> named.add(e.field()));
        more.stream().filter(e -> !named.contains(e.field())).forEach(errors::add);
    }

    /** What was noted so far, in the order found. */
    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** A 400 naming every field noted, if any was. */
    void failIfAny() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
    }
}
