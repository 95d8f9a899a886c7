package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Status;
import se.inlagg.web.templates.JtedraftsGenerated;

/** GET /drafts: the signed-in author's drafts, most recently changed first. */
public final class DraftsPageHandler extends PageFunction {

    static final int SHOWN = 100;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (viewer.isEmpty()) {
            return HttpResponse.seeOther("/signin");
        }
        var zone = app().posts().time().zone();
        List<Card> drafts = switch (app().posts().authorPosts(viewer.get().authorId(), SHOWN, Optional.empty())) {
            case Outcome.Refused<Page<PostSummary>> r -> throw new ProblemException(Problems.of(r.refusal()));
            case Outcome.Done<Page<PostSummary>> d -> d.value().items().stream()
                    .filter(s -> s.status() == Status.DRAFT).map(s -> Views.changedCard(s, zone)).toList();
        };
        Frame frame = Frame.unlisted("Mina utkast", viewer);
        return page(request, 200, frame, Templates.render(out -> JtedraftsGenerated.render(out, null, frame, drafts)));
    }
}
