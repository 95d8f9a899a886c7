package se.inlagg.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import se.inlagg.json.Json;

/**
 * Runs a function as Lambda runs it: its event through handleRequest, with an invocation that has this much time. An
 * invocation still running at its end is what Lambda would have stopped, and API Gateway answered with its bare 500:
 * the test fails there, saying what was logged.
 */
public final class AsLambdaRunsIt {

    private AsLambdaRunsIt() {
    }

    /** API Gateway's payload 2.0 answer: statusCode, headers, body. */
    public static Map<String, Object> answer(HttpFunction function, String event, int invocationMillis) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestContext context = new TestContext(invocationMillis);
        ExecutorService lambda = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<?> invocation = lambda.submit(() -> {
                function.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
                return null;
            });
            invocation.get(invocationMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException ended) {
            throw new AssertionError("still running when Lambda would have ended it: API Gateway answers its bare 500; logged: "
                    + context.logs());
        } finally {
            lambda.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) Json.read(new ByteArrayInputStream(out.toByteArray()));
        return answer;
    }
}
