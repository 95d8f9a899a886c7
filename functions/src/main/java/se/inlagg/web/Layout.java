package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/** The frame of every page: language, stylesheet, feed links, header with navigation, main, footer. */
final class Layout {

    static final String SITE_NAME = "Inlägg";

    /** A feed a page offers to feed readers. */
    record Feed(String title, String href) {
    }

    private Layout() {
    }

    static String page(String title, String main, Optional<Viewer> viewer, List<Feed> feeds) {
        StringBuilder head = new StringBuilder();
        for (Feed f : feeds) {
            head.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
                    .append(Html.text(f.title())).append("\" href=\"").append(Html.text(f.href())).append("\">\n");
        }
        String account = viewer.map(v -> """
                <li><a href="/write">Skriv</a></li>
                <li><a href="/drafts">Mina utkast</a></li>
                <li><form method="post" action="/signout" class="inline"><input type="hidden" name="csrf" value="%s"><button type="submit" class="link">Logga ut</button></form></li>"""
                .formatted(Html.text(v.csrf()))).orElse("<li><a href=\"/signin\">Logga in</a></li>");
        return """
                <!doctype html>
                <html lang="sv">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/style.css">
                %s</head>
                <body>
                <header class="site">
                <a class="brand" href="/">%s</a>
                <nav aria-label="Webbplats">
                <ul>
                <li><a href="/">Alla inlägg</a></li>
                %s
                </ul>
                </nav>
                </header>
                <main>
                %s
                </main>
                <footer class="site"><p><a href="/feed.xml">Prenumerera (Atom)</a></p></footer>
                </body>
                </html>
                """.formatted(Html.text(title.equals(SITE_NAME) ? title : title + " – " + SITE_NAME), head,
                Html.text(SITE_NAME), account, main);
    }
}
