package se.inlagg.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/** The API's OpenAPI 3.1 document (functions/src/main/resources/openapi.json) and the JSON Schemas in it. */
public final class OpenApiDocument {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument read() {
        try {
            // A key written twice is a parse error for the linters (and for many generators); Jackson would
            // quietly keep the last one, so it is told to refuse it here.
            return new OpenApiDocument(new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(
                    Repo.root().resolve("functions/src/main/resources/openapi.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** A schema of the document's components, by name, with its references resolved inside the document. */
    public JsonSchema schema(String name) {
        return schemaOf(root.path("components").path("schemas").path(name).isMissingNode()
                ? missing(name) : new ObjectMapper().createObjectNode().put("$ref", SCHEMAS + name));
    }

    /**
     * The schema the document gives a route's JSON answer with this status (the route as template.yaml
     * writes it, "/api/posts/{slug}"), following a shared response such as NotFound; empty when the
     * document describes no JSON body for it.
     */
    public Optional<JsonSchema> answerSchema(String method, String path, int status) {
        JsonNode response = root.path("paths").path(path).path(method.toLowerCase(Locale.ROOT))
                .path("responses").path(Integer.toString(status));
        String ref = response.path("$ref").asText("");
        if (ref.startsWith(RESPONSES)) {
            response = root.path("components").path("responses").path(ref.substring(RESPONSES.length()));
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schemaOf(schema));
    }

    private JsonSchema schemaOf(JsonNode schema) {
        ObjectNode wrapper = new ObjectMapper().createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.set("$defs", root.path("components").path("schemas"));
        wrapper.putArray("allOf").add(schema);
        String text = wrapper.toString().replace(SCHEMAS, "#/$defs/");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
    }

    private static JsonNode missing(String name) {
        throw new IllegalArgumentException("the OpenAPI document has no schema " + name);
    }
}
