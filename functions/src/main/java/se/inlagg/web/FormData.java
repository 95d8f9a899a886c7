package se.inlagg.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;

/** An HTML form's fields (application/x-www-form-urlencoded, UTF-8); the first value of each name. */
final class FormData {

    private final Map<String, String> fields;

    private FormData(Map<String, String> fields) {
        this.fields = fields;
    }

    static FormData of(HttpRequest request) {
        if (!request.mediaType().equals("application/x-www-form-urlencoded")) {
            throw new ProblemException(Problems.unsupportedMediaType("application/x-www-form-urlencoded"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.bodyText().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value);
        }
        return new FormData(fields);
    }

    /** A field's name or value, percent-decoded as {@link HttpRequest#percentDecoded} reads it; a broken one is refused. */
    static String decode(String encoded) {
        return HttpRequest.percentDecoded(encoded)
                .orElseThrow(() -> new ProblemException(Problems.malformed("The form is not correctly encoded as UTF-8.")));
    }

    /**
     * The same form with pasted text tidied ({@link PastedText}): these fields as text areas, of Markdown when {@code markdown}
     * names them too, every other as one line. For the forms an author writes in; a token or a CSRF value has no tab to lose.
     */
    FormData pasted(Set<String> textAreas, Set<String> markdown) {
        Map<String, String> tidied = new LinkedHashMap<>();
        fields.forEach((name, value) -> tidied.put(name,
                textAreas.contains(name) ? PastedText.text(value, markdown.contains(name)) : PastedText.line(value)));
        return new FormData(tidied);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    String value(String name) {
        return fields.getOrDefault(name, "");
    }
}
