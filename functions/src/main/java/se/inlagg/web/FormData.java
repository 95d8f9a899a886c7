package se.inlagg.web;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.http.Utf8;

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

    /** Percent-decoding into bytes (text not encoded taken as it is), then strict UTF-8: broken text is refused, never replaced with U+FFFD. */
    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < encoded.length()) {
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new ProblemException(Problems.malformed("The form is not correctly encoded."));
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '%') {
                throw new ProblemException(Problems.malformed("The form is not correctly encoded."));
            } else if (c > 0x7f) {
                // Text sent as it is, not percent-encoded (curl -d "title=Månad", a script): read as the URL-encoded
                // form's standard (WHATWG) reads it, where it was refused as broken.
                int cp = encoded.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            } else {
                bytes.write(c);
            }
        }
        return Utf8.decode(bytes.toByteArray())
                .orElseThrow(() -> new ProblemException(Problems.malformed("The form is not valid UTF-8.")));
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
