package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import se.inlagg.http.BundledFile;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;

/**
 * GET /assets/{file}, GET /style.css and GET /favicon.ico: the site's own files, the one hand-written
 * stylesheet, the icon and the post forms' script (DraftScript). Under a hashed name a file never changes, so it is cached for a year; another
 * hash (a page cached from before a deploy) gets the current file, revalidated. Any other name is not
 * found: /assets/finns-inte.js is no file of the site. /favicon.ico is what browsers
 * ask for unprompted.
 */
public final class StylesheetHandler extends PageFunction {

    /** The icon at the address browsers ask for by themselves: its name never changes, so a week, not a year. */
    static final String ICON_CACHING = "public, max-age=604800";

    @Override
    protected HttpResponse handle(HttpRequest request) {
        if (request.path().equals("/favicon.ico")) {
            return Caching.publicly(request, FAVICON.response()).withHeader("cache-control", ICON_CACHING);
        }
        String file = request.pathParameter("file").orElse("");
        Asset asset = request.path().equals("/style.css") ? STYLE : ASSETS.stream().filter(a -> a.names(file)).findFirst()
                .orElseThrow(() -> new ProblemException(Problems.routeNotFound()));
        boolean current = file.equals(asset.path().get().substring("/assets/".length()));
        HttpResponse response = Caching.publicly(request, asset.file().get().response());
        // A 304 for the current name says what its 200 said: a cache that revalidated keeps it as immutable.
        return current && (response.status() == 200 || response.status() == 304) ? response.withHeader("cache-control", Caching.IMMUTABLE) : response;
    }

    /**
     * A file of the site's by its name under /assets/ ("style.3kP9xQ2mZa.css"): any hash is this file, the current one
     * cached for a year. Each file is read only when asked for (the script only where its page or asset asks).
     */
    private record Asset(String name, String extension, Supplier<BundledFile> file, Supplier<String> path) {
        boolean names(String requested) {
            return requested.startsWith(name + ".") && requested.endsWith("." + extension);
        }
    }

    private static final Asset STYLE = new Asset("style", "css", () -> STYLESHEET, PageFunction::stylesheetPath);
    private static final List<Asset> ASSETS = List.of(STYLE, new Asset("favicon", "svg", () -> ICON, PageFunction::iconPath),
            new Asset("utkast", "js", () -> DraftScript.FILE, DraftScript::path));

    /** Before a SnapStart snapshot: the stylesheet as a browser asks for it, read, hashed, compressed and cached. */
    @Override
    protected List<HttpRequest> primingRequests() {
        String file = stylesheetPath().substring("/assets/".length());
        return List.of(primingRequest("GET", "GET /assets/{file}", stylesheetPath()).pathParameter("file", file).build());
    }

    @Override
    protected boolean readsTable() {
        return false;
    }

    @Override
    protected Optional<Viewer> viewer(HttpRequest request) {
        // Reads nothing from the table, not even a session for an error page's header: the function may not.
        return Optional.empty();
    }
}
