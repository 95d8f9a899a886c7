package se.inlagg.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** GET /api/openapi.json: the OpenAPI 3.1 document of this API, kept beside the code it describes. */
public final class OpenApiHandler extends ApiHandler {

    static final String DOCUMENT = read();

    public OpenApiHandler() {
        super(null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return new ApiResponse(200, java.util.Map.of("content-type", ApiResponse.JSON_TYPE), java.util.List.of(), DOCUMENT)
                .withHeader("cache-control", "public, max-age=300");
    }

    private static String read() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream("/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
