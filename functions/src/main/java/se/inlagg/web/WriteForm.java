package se.inlagg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.posts.FieldError;

/**
 * The authoring form's fields, their labels, and how the rules' messages find their field. It
 * works without JavaScript; after an error it is shown again with every value as typed and each
 * message beside its field, so an author never loses a long text.
 */
final class WriteForm {

    /** A field of the form: its name, its label, its height (1 is a line) and whether it must be filled. */
    record Spec(String name, String label, int rows, boolean required, Optional<String> hint) {
    }

    static final List<Spec> FIELDS = List.of(
            new Spec("title", "Rubrik", 1, true, Optional.empty()),
            new Spec("body", "Text", 16, false, Optional.of(
                    "Markdown: tom rad mellan stycken, - punkt för listor, **fet**, [länktext](https://…).")),
            new Spec("authorName", "Namn", 1, true, Optional.empty()),
            new Spec("authorRole", "Roll", 1, false, Optional.empty()),
            new Spec("authorOffice", "Kontor", 1, false, Optional.empty()),
            new Spec("tags", "Kategorier (skilj med komma)", 1, false, Optional.empty()),
            new Spec("publishedAt", "Publiceringsdatum (till exempel 2019-01-30; tomt betyder nu)", 1, false, Optional.empty()),
            new Spec("imageUrl", "Bildens adress (https://…)", 1, false, Optional.empty()),
            new Spec("imageAlt", "Bildens alt-text", 1, false, Optional.empty()),
            new Spec("imageCaption", "Bildtext", 1, false, Optional.empty()),
            new Spec("excerpt", "Ingress (tom: början av texten)", 3, false, Optional.empty()));

    private WriteForm() {
    }

    /** The form field an error of the post's rules belongs to ("author.name" is "authorName"). */
    static String fieldOf(FieldError e) {
        String f = e.field();
        if (f.startsWith("tags")) {
            return "tags";
        }
        return switch (f) {
            case "author.name" -> "authorName";
            case "author.role" -> "authorRole";
            case "author.office" -> "authorOffice";
            case "image.url" -> "imageUrl";
            case "image.alt" -> "imageAlt";
            case "image.caption" -> "imageCaption";
            default -> FIELDS.stream().anyMatch(s -> s.name().equals(f)) ? f : "title";
        };
    }

    static FormView view(Map<String, String> values, List<FieldError> errors, Optional<String> notice, String csrf, String formId) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError e : errors) {
            messages.merge(fieldOf(e), Swedish.message(e.message()), (a, b) -> a + "; " + b);
        }
        List<FormView.Field> fields = new ArrayList<>();
        List<Link> summary = new ArrayList<>();
        for (Spec spec : FIELDS) {
            Optional<String> message = Optional.ofNullable(messages.get(spec.name()));
            message.ifPresent(m -> summary.add(new Link(spec.label() + ": " + m, "#" + spec.name())));
            fields.add(new FormView.Field(spec.name(), spec.label(), values.getOrDefault(spec.name(), ""), spec.rows(),
                    spec.required(), spec.hint(), message));
        }
        return new FormView("Skriv ett inlägg", "/write", fields, notice, "Inlägget sparades inte. Rätta det som är markerat:",
                summary, csrf, formId, List.of(new FormView.Button("publish", "Publicera", false),
                        new FormView.Button("draft", "Spara som utkast", true)));
    }
}
