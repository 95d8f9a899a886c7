package se.inlagg.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.function.Function;
import se.inlagg.posts.Outcome;
import se.inlagg.store.StoreBusyException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/**
 * The shape every HTTP handler shares: wrap the event, handle it, answer. Whatever a handler
 * throws becomes an answer in our error shape here, so no request can end in a bare stack trace.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Duration THROTTLED_RETRY_AFTER = Duration.ofSeconds(2);

    protected final Wiring wiring;

    protected ApiHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return answer(new ApiRequest(event)).toEvent();
    }

    final ApiResponse answer(ApiRequest request) {
        return finish(request, attempt(request));
    }

    private ApiResponse attempt(ApiRequest request) {
        try {
            return handle(request);
        } catch (ProblemException e) {
            return e.response();
        } catch (StoreBusyException e) {
            return Problems.busy(THROTTLED_RETRY_AFTER);
        } catch (AwsServiceException e) {
            if (isThrottling(e)) {
                return Problems.busy(THROTTLED_RETRY_AFTER);
            }
            log(request, e);
            return Problems.internal();
        } catch (RuntimeException e) {
            log(request, e);
            return Problems.internal();
        }
    }

    /** The last look at every answer; pages turn error answers into HTML here. */
    protected ApiResponse finish(ApiRequest request, ApiResponse response) {
        return response;
    }

    protected abstract ApiResponse handle(ApiRequest request);

    /** DynamoDB's own throttling types, or whatever the SDK classifies as throttling, or a 503. */
    static boolean isThrottling(AwsServiceException e) {
        return e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || e instanceof ThrottlingException || e.isThrottlingException() || e.statusCode() == 503;
    }

    /** The answer for a domain outcome: its value made into a response, or the refusal's error. */
    protected static <T> ApiResponse answer(Outcome<T> outcome, Function<T, ApiResponse> done) {
        return switch (outcome) {
            case Outcome.Done<T> d -> done.apply(d.value());
            case Outcome.Refused<T> r -> Problems.of(r.refusal());
        };
    }

    /** One JSON line per failure, which CloudWatch Logs Insights can query; never the request body. */
    private static void log(ApiRequest request, RuntimeException e) {
        var line = Json.object()
                .put("level", "ERROR")
                .put("route", request.routeKey())
                .put("path", request.path())
                .put("error", e.getClass().getName())
                .put("message", String.valueOf(e.getMessage()));
        System.err.println(line);
        e.printStackTrace();
    }
}
