package se.inlagg.web;

import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.ErrorRenderer;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.Problem;
import se.inlagg.http.Problems;
import se.inlagg.posts.Facet;
import se.inlagg.web.templates.JteerrorGenerated;

/** Problems as Swedish pages: a heading that says what happened, a sentence on what to do. */
final class HtmlErrors implements ErrorRenderer {

    static final HtmlErrors INSTANCE = new HtmlErrors();

    private HtmlErrors() {
    }

    @Override
    public HttpResponse render(HttpRequest request, Problem problem) {
        return render(request, problem, Optional.empty());
    }

    /** The page, its header as the {@code viewer} signed in sees it (or as anyone does). */
    HttpResponse render(HttpRequest request, Problem problem, Optional<Viewer> viewer) {
        // A change that may have been saved: to look first, not "try again in 2 seconds", which could make it twice.
        boolean unknown = problem.code().equals(Problems.OUTCOME_UNKNOWN);
        String heading = unknown ? "Det är oklart om ändringen sparades" : heading(problem.status());
        Optional<String> retry = unknown ? Optional.empty() : problem.retryAfter().map(HttpResponse::retryAfterSeconds);
        Optional<Link> wayOn = unknown ? Optional.of(request.path().startsWith("/profile") ? new Link("Din profil", "/profile")
                : new Link("Mina inlägg", "/drafts"))
                : problem.status() == 404 ? indexAbove(request.path()) : Optional.empty();
        ErrorView view = new ErrorView(problem.status(), heading, problem.swedish(), retry, wayOn);
        Frame frame = Frame.unlisted(heading, viewer);
        String html = Templates.render(out -> JteerrorGenerated.render(out, null, frame, view));
        HttpResponse response = HttpResponse.html(problem.status(), html)
                .withHeader("content-security-policy", PageFunction.policyFor(viewer))
                .withHeader("cache-control", Caching.NO_STORE);
        return problem.retryAfter().map(response::withRetryAfter).orElse(response);
    }

    /**
     * The list a missing category's, person's, office's or month's page sits under (/tags for /tags/nysvenska): a reader who
     * followed an old link or mistyped one chooses again there, not from the front page.
     */
    static Optional<Link> indexAbove(String path) {
        for (Facet.Kind kind : Facet.Kind.values()) {
            if (path.startsWith(kind.path())) {
                String text = switch (kind) {
                    case CATEGORY -> "Alla kategorier";
                    case PERSON -> "Alla skribenter";
                    case OFFICE -> "Alla kontor";
                    case MONTH -> "Arkivet, månad för månad";
                };
                return Optional.of(new Link(text, kind.path().substring(0, kind.path().length() - 1)));
            }
        }
        return Optional.empty();
    }

    static String heading(int status) {
        return switch (status) {
            case 400, 413, 415 -> "Något i adressen eller formuläret stämmer inte";
            case 403 -> "Det här får du inte göra";
            case 404 -> "Sidan finns inte";
            case 405 -> "Sidan kan inte användas så";
            case 409, 412 -> "Någon hann före";
            case 422 -> "Det går inte att spara";
            case 429 -> "För många försök";
            case 503 -> "Försök igen om en stund";
            default -> status >= 500 ? "Något gick fel hos oss" : "Det gick inte";
        };
    }
}
