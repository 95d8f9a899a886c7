package se.inlagg.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one way handlers answer; it becomes API Gateway's payload 2.0 response only at the edge. */
public record ApiResponse(int status, Map<String, String> headers, List<String> cookies, String body) {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    public ApiResponse {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, Map.of("content-type", JSON_TYPE), List.of(), Json.write(body));
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, Map.of(), List.of(), "");
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return new ApiResponse(status, h, cookies, body);
    }

    public ApiResponse withCookie(String cookie) {
        List<String> c = new ArrayList<>(cookies);
        c.add(cookie);
        return new ApiResponse(status, headers, c, body);
    }

    public APIGatewayV2HTTPResponse toEvent() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
