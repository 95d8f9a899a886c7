package se.inlagg.api;

import java.util.List;
import se.inlagg.http.BundledFile;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

/** GET /api/openapi.json: the OpenAPI 3.1 document of this API, kept beside the code it describes. */
public final class OpenApiHandler extends ApiFunction {

    static final BundledFile DOCUMENT = BundledFile.read("/openapi.json", HttpResponse.JSON);

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return Caching.publicly(request, DOCUMENT.response());
    }

    /** Before a SnapStart snapshot: the document as a client asks for it, compressed and cached. */
    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingGet("GET /api/openapi.json", "/api/openapi.json"));
    }

    @Override
    protected boolean readsTable() {
        return false;
    }
}
