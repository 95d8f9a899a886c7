package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;

class FallbackHandlerTest {

    static int status(String routeKey, String method) {
        var event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build()).build())
                .build();
        return new FallbackHandler().handleRequest(event, null).getStatusCode();
    }

    @Test
    void anUnknownPathIs404AndAKnownPathWithAnotherMethodIs405() {
        assertEquals(404, status("$default", "GET"));
        assertEquals(405, status("ANY /api/tags", "POST"));
    }
}
