package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An answer past the 6 MB Lambda returns is API Gateway's 500, as in AWS. A function's 400 of 26 MB is past Jackson's
 * longest string here, and read as an answer without statusCode would come out as a 200 whose body is the function's
 * whole answer, envelope and all.
 */
@SameOnEveryBackend
class GatewayAnswerSizeTest {

    static HttpExchangeData.Response answering(String answer) throws Exception {
        Template template = Template.read(Repo.template());
        Map<String, LambdaFunction> functions = template.functions().keySet().stream()
                .collect(Collectors.toMap(Function.identity(), id -> event -> answer));
        Gateway gateway = new Gateway(new Router(template.routes()), functions, Optional.empty());
        return gateway.handle(new HttpExchangeData.Request("GET", "/api/tags", "", List.of(), new byte[0], "127.0.0.1"));
    }

    static String answer(int bodyChars) {
        return "{\"statusCode\": 400, \"headers\": {\"content-type\": \"application/json\"}, \"body\": \"" + "x".repeat(bodyChars) + "\"}";
    }

    @Test
    void anAnswerLambdaWouldRefuseIsApiGateways500() throws Exception {
        var refused = answering(answer(Gateway.MAX_ANSWER_BYTES));
        assertEquals(500, refused.status());
        assertEquals("{\"message\":\"Internal Server Error\"}", new String(refused.body(), StandardCharsets.UTF_8));
        var past = answering(answer(21_000_000));
        assertEquals(500, past.status(), "past Jackson's longest string too");
        var within = answering(answer(Gateway.MAX_ANSWER_BYTES - 200));
        assertEquals(400, within.status(), "an answer within the limit is the function's own");
        assertEquals(Gateway.MAX_ANSWER_BYTES - 200, within.body().length);
    }
}
