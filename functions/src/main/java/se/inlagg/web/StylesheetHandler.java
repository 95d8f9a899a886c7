package se.inlagg.web;

import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

/**
 * GET /assets/{file} and GET /style.css: the one hand-written stylesheet. Under its hashed name it
 * never changes, so it is cached for a year; any other name gets the current file, revalidated.
 */
public final class StylesheetHandler extends PageFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        boolean current = request.pathParameter("file").filter(f -> f.equals("style." + STYLESHEET.hash() + ".css")).isPresent();
        HttpResponse response = Caching.publicly(request, STYLESHEET.response());
        return current && response.status() == 200 ? response.withHeader("cache-control", Caching.IMMUTABLE) : response;
    }

    @Override
    protected boolean readsTable() {
        return false;
    }
}
