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
    /**
     * The longest one attempt waits: DynamoDB answers in milliseconds, and the largest S3 call a function makes (a picture
     * of at most 10 MB, read once on save) takes a fraction of a second from Lambda.
     */
    static final Duration ATTEMPT = Duration.ofSeconds(3);
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
     * How long one attempt may take now: half the call's bound, and at most {@link #ATTEMPT}, so that one connection gone
     * silent (a lost packet, a half-open pooled connection) leaves time for another attempt, which answers in
     * milliseconds where waiting out the whole bound on it answered busy (from a review).
     */
    static Duration attemptBound(Duration bound) {
        Duration half = bound.dividedBy(2);
        Duration attempt = half.compareTo(ATTEMPT) < 0 ? half : ATTEMPT;
        return attempt.compareTo(AT_ONCE) < 0 ? AT_ONCE : attempt;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Optional<Duration> within = bound();
        if (within.isEmpty() || !(context.request() instanceof AwsRequest request)) {
            return context.request();
        }
        Duration bound = within.get();
        Duration attempt = attemptBound(bound);
        AwsRequestOverrideConfiguration given = request.overrideConfiguration().orElse(null);
        AwsRequestOverrideConfiguration.Builder config = given == null ? AwsRequestOverrideConfiguration.builder() : given.toBuilder();
        // A shorter bound the request already has is kept.
        if (config.apiCallTimeout() == null || config.apiCallTimeout().compareTo(bound) > 0) {
            config.apiCallTimeout(bound);
        }
        if (config.apiCallAttemptTimeout() == null || config.apiCallAttemptTimeout().compareTo(attempt) > 0) {
            config.apiCallAttemptTimeout(attempt);
        }
        return request.toBuilder().overrideConfiguration(config.build()).build();
    }
}
