package se.inlagg.web;

import java.util.List;
import java.util.Map;
import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;
import se.inlagg.api.BundledText;

/** GET /style.css: the one hand-written stylesheet, read once per container. */
public final class StylesheetHandler extends PageHandler {

    static final String CSS = BundledText.read("/web/style.css");

    public StylesheetHandler() {
        super(null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return cached(request, secured(new ApiResponse(200, Map.of("content-type", "text/css; charset=utf-8"), List.of(), CSS)))
                .withHeader("cache-control", "public, max-age=3600");
    }

}
