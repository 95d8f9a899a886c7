package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A read request's ProjectionExpression (GetItem, BatchGetItem, TransactGetItems): which attributes to answer with. */
record ItemReader(List<DocumentPath> projection) {

    static ItemReader of(JsonNode r) {
        if (r.has("AttributesToGet")) {
            throw ServiceError.validation("AttributesToGet (a legacy parameter) is not supported by this emulator; use ProjectionExpression");
        }
        ExpressionAttributes attributes = new ExpressionAttributes(r);
        List<DocumentPath> projection = r.hasNonNull("ProjectionExpression")
                ? ExpressionParser.projection(r.get("ProjectionExpression").asText(), attributes)
                : null;
        attributes.checkAllUsed(projection != null);
        return new ItemReader(projection);
    }

    Map<String, Value> shape(Map<String, Value> item) {
        return projection == null ? item : Projection.of(item, projection);
    }
}
