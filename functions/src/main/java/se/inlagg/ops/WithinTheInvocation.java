package se.inlagg.ops;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Gives each call to AWS, its retries included, at most the time its invocation has left but {@link #ANSWERING}.
 * The SDK's own bounds are far longer than a function's timeout (DynamoDB's nine attempts wait at least 35 s between
 * them when throttled, and a silent connection is waited on for 30 s), so on a struggling table Lambda ended the
 * invocation first: API Gateway answered its bare 500, which CloudFront does not keep, so every reader came back to
 * the table, and nothing was logged or counted as a throttle (found by a production pre-mortem). Bounded, the call
 * ends in the SDK's ApiCallTimeoutException while the function lives, which it answers as busy (503 with Retry-After).
 * Outside an invocation (priming, a command-line tool) calls keep the SDK's bounds.
 */
public final class WithinTheInvocation implements ExecutionInterceptor {

    /** What a function needs after a call gives up: log, render the busy page or problem, and write it. */
    public static final Duration ANSWERING = Duration.ofMillis(1_500);
    /** The SDK refuses a timeout of nothing; a call past its time fails at once with this. */
    private static final Duration AT_ONCE = Duration.ofMillis(1);

    /**
     * How long a call to AWS made now may take, its retries included: the invocation's time but {@link #ANSWERING}, and
     * never less than a millisecond (a call past its time fails at once). None outside an invocation.
     */
    public static Optional<Duration> bound() {
        return Invocation.timeLeft().map(timeLeft -> {
            Duration left = timeLeft.minus(ANSWERING);
            return left.compareTo(AT_ONCE) < 0 ? AT_ONCE : left;
        });
    }

    /**
     * Each call as a whole, not each attempt: an attempt bound (tried here, 3 s) cut the writes of a slow but working table
     * short and sent them again, so a transaction that takes seconds never landed, and its retries kept the table busier
     * still (LocalStack's, whose transactions take seconds, answered 503 and then failed the authorizer). A connection gone
     * silent therefore spends the call's bound: the answer is busy, and the next request gets another connection.
     */
    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Optional<Duration> within = bound();
        if (within.isEmpty() || !(context.request() instanceof AwsRequest request)) {
            return context.request();
        }
        Duration bound = within.get();
        AwsRequestOverrideConfiguration given = request.overrideConfiguration().orElse(null);
        if (given != null && given.apiCallTimeout().filter(t -> t.compareTo(bound) <= 0).isPresent()) {
            return request;
        }
        AwsRequestOverrideConfiguration.Builder config = given == null ? AwsRequestOverrideConfiguration.builder() : given.toBuilder();
        return request.toBuilder().overrideConfiguration(config.apiCallTimeout(bound).build()).build();
    }
}
