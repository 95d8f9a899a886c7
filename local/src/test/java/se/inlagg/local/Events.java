package se.inlagg.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Payload 2.0 events built in a test, for calling a handler in-process with a store we control. */
final class Events {

    private Events() {
    }

    static APIGatewayV2HTTPEvent http(String routeKey, String rawPath, Map<String, String> pathParameters,
                                      String jsonBody, String authorId, Map<String, String> headers) {
        ObjectNode e = Http.JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", routeKey);
        e.put("rawPath", rawPath);
        ObjectNode h = e.putObject("headers");
        if (jsonBody != null) {
            h.put("content-type", "application/json");
            e.put("body", jsonBody);
        }
        headers.forEach(h::put);
        e.put("isBase64Encoded", false);
        ObjectNode p = e.putObject("pathParameters");
        pathParameters.forEach(p::put);
        ObjectNode rc = e.putObject("requestContext");
        rc.putObject("http").put("method", routeKey.split(" ")[0]).put("path", rawPath);
        rc.put("routeKey", routeKey);
        rc.putObject("authorizer").putObject("lambda").put("authorId", authorId);
        return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, Events.class.getClassLoader())
                .fromJson(e.toString());
    }
}
