package se.inlagg.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.inlagg.posts.FieldError;

/**
 * The authoring form. It works without JavaScript; after an error it is shown again with every
 * value as typed and each message beside its field, so an author never loses a long text.
 */
final class FormHtml {

    /** The form's fields in order, with their labels. */
    static final Map<String, String> FIELDS = fields();

    private FormHtml() {
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", "Rubrik");
        f.put("body", "Text");
        f.put("authorName", "Namn");
        f.put("authorRole", "Roll");
        f.put("authorOffice", "Kontor");
        f.put("tags", "Kategorier (skilj med komma)");
        f.put("publishedAt", "Publiceringsdatum (till exempel 2019-01-30; tomt betyder nu)");
        f.put("imageUrl", "Bildens adress (https://…)");
        f.put("imageAlt", "Bildens alt-text");
        f.put("imageCaption", "Bildtext");
        f.put("excerpt", "Ingress (tom: början av texten)");
        return f;
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
            default -> FIELDS.containsKey(f) ? f : "title";
        };
    }

    static String form(Map<String, String> values, List<FieldError> errors, String notice, String csrf, String formId) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError e : errors) {
            messages.merge(fieldOf(e), Swedish.message(e.message()), (a, b) -> a + "; " + b);
        }
        StringBuilder out = new StringBuilder("<h1>Skriv ett inlägg</h1>\n");
        if (!notice.isEmpty()) {
            out.append("<p class=\"notice\" role=\"alert\">").append(Html.text(notice)).append("</p>\n");
        }
        if (!messages.isEmpty()) {
            out.append("<div class=\"errors\" role=\"alert\"><p>Inlägget sparades inte. Rätta det som är markerat:</p><ul>");
            messages.forEach((field, message) -> out.append("<li><a href=\"#").append(field).append("\">")
                    .append(Html.text(FIELDS.get(field))).append("</a>: ").append(Html.text(message)).append("</li>"));
            out.append("</ul></div>\n");
        }
        out.append("<form method=\"post\" action=\"/write\" class=\"write\" accept-charset=\"utf-8\">\n")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Html.text(csrf)).append("\">\n")
                .append("<input type=\"hidden\" name=\"formId\" value=\"").append(Html.text(formId)).append("\">\n");
        FIELDS.forEach((name, label) -> {
            String value = values.getOrDefault(name, "");
            String message = messages.get(name);
            String described = message == null ? "" : " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"";
            out.append("<p class=\"field").append(message == null ? "" : " invalid").append("\">\n")
                    .append("<label for=\"").append(name).append("\">").append(Html.text(label)).append("</label>\n");
            if (name.equals("body")) {
                out.append("<textarea id=\"body\" name=\"body\" rows=\"16\"").append(described).append(">")
                        .append(Html.text(value)).append("</textarea>\n")
                        .append("<small>Markdown: tom rad mellan stycken, <code>- punkt</code> för listor, ")
                        .append("<code>**fet**</code>, <code>[länktext](https://…)</code>.</small>\n");
            } else if (name.equals("excerpt")) {
                out.append("<textarea id=\"excerpt\" name=\"excerpt\" rows=\"3\"").append(described).append(">")
                        .append(Html.text(value)).append("</textarea>\n");
            } else {
                out.append("<input id=\"").append(name).append("\" name=\"").append(name).append("\" value=\"")
                        .append(Html.text(value)).append("\"").append(described)
                        .append(name.equals("title") || name.equals("authorName") ? " required" : "").append(">\n");
            }
            if (message != null) {
                out.append("<span class=\"error\" id=\"").append(name).append("-error\">").append(Html.text(message)).append("</span>\n");
            }
            out.append("</p>\n");
        });
        return out.append("<p class=\"actions\">")
                .append("<button type=\"submit\" name=\"action\" value=\"publish\">Publicera</button> ")
                .append("<button type=\"submit\" name=\"action\" value=\"draft\" class=\"secondary\">Spara som utkast</button></p>\n")
                .append("</form>\n").toString();
    }
}
