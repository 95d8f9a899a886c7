package se.inlagg.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import se.inlagg.posts.SiteTime;

/** Escaping and small formatting for pages: every user-written string goes through {@link #text}. */
public final class Html {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));

    private Html() {
    }

    /** Text for an element or a quoted attribute: the five characters HTML gives meaning to. */
    public static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A date as Swedish readers write it, in the site's zone, with its machine-readable time. */
    static String time(Instant instant, ZoneId zone) {
        return "<time datetime=\"" + SiteTime.format(instant) + "\">" + text(DATE.format(instant.atZone(zone))) + "</time>";
    }

    /** A path segment that is already a slug, or nothing: links are built from slugs only. */
    static String slugPath(String prefix, String slug) {
        return prefix + text(slug);
    }
}
