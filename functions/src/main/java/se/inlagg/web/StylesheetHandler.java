package se.inlagg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;

/** GET /style.css: the one hand-written stylesheet, read once per container. */
public final class StylesheetHandler extends PageHandler {

    static final String CSS = read();

    public StylesheetHandler() {
        super(null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return cached(request, secured(new ApiResponse(200, Map.of("content-type", "text/css; charset=utf-8"), List.of(), CSS)))
                .withHeader("cache-control", "public, max-age=3600");
    }

    private static String read() {
        try (InputStream in = StylesheetHandler.class.getResourceAsStream("/web/style.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
