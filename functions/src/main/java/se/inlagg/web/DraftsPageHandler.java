package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;
import se.inlagg.api.Wiring;
import se.inlagg.posts.PostSummary;

/** GET /drafts: the signed-in author's drafts, most recently changed first. */
public final class DraftsPageHandler extends PageHandler {

    public DraftsPageHandler() {
        this(Wiring.shared());
    }

    public DraftsPageHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (viewer.isEmpty()) {
            return redirect("/signin");
        }
        List<PostSummary> drafts = wiring.posts().drafts(viewer.get().authorId());
        StringBuilder main = new StringBuilder("<h1>Mina utkast</h1>\n");
        if (drafts.isEmpty()) {
            main.append("<p>Du har inga utkast.</p>\n");
        } else {
            main.append("<ul class=\"drafts\">\n");
            drafts.forEach(d -> main.append("<li><a href=\"").append(Html.slugPath("/posts/", d.slug())).append("\">")
                    .append(Html.text(d.title())).append("</a> – ändrat ")
                    .append(Html.time(d.updatedAt(), wiring.posts().time().zone())).append("</li>\n"));
            main.append("</ul>\n");
        }
        return page(request, 200, "Mina utkast", main.toString(), viewer, List.of());
    }
}
