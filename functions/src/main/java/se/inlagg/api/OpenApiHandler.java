package se.inlagg.api;


/** GET /api/openapi.json: the OpenAPI 3.1 document of this API, kept beside the code it describes. */
public final class OpenApiHandler extends ApiHandler {

    static final String DOCUMENT = BundledText.read("/openapi.json");

    public OpenApiHandler() {
        super(null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return new ApiResponse(200, java.util.Map.of("content-type", ApiResponse.JSON_TYPE), java.util.List.of(), DOCUMENT)
                .withHeader("cache-control", "public, max-age=300");
    }

}
