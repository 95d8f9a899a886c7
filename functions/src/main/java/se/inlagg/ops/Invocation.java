package se.inlagg.ops;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import java.time.Duration;
import java.util.Optional;

/**
 * The request a thread is working on: its id, its route, the runtime's logger and when Lambda ends it. Set once by
 * the function's entry point, so a log line or metric from deep in the store still names the
 * request it belongs to, and a call to AWS gives up while the function can still answer ({@link WithinTheInvocation}),
 * without every layer passing it down.
 *
 * @param endsAt when Lambda stops the invocation, in epoch milliseconds ({@link #NEVER} outside one)
 */
public record Invocation(String requestId, String apiRequestId, String route, String function, LambdaLogger logger,
                         long endsAt) {

    /** No end: start-up, priming, a command-line tool. */
    static final long NEVER = Long.MAX_VALUE;

    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    /** Outside any request (start-up, priming, a command-line tool). */
    static final Invocation NONE = new Invocation("", "", "", functionName(), null, NEVER);

    /**
     * Makes this the current invocation until {@link Scope#close()}. Lines carry Lambda's request
     * id (which its own platform lines carry too) and API Gateway's (which its access log carries).
     */
    public static Scope begin(Context context, String route, String apiRequestId) {
        long endsAt = System.currentTimeMillis() + context.getRemainingTimeInMillis();
        return new Invocation(context.getAwsRequestId(), apiRequestId, route,
                Optional.ofNullable(context.getFunctionName()).orElse(functionName()), context.getLogger(), endsAt).enter();
    }

    /**
     * Makes this invocation the current one on this thread until the scope closes: the entry point's, or another
     * thread's working for it (SideBySide), so what that thread logs names the request too.
     */
    Scope enter() {
        Invocation previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The time the current invocation has left; none outside one, where nothing ends it. */
    static Optional<Duration> timeLeft() {
        long endsAt = current().endsAt();
        return endsAt == NEVER ? Optional.empty() : Optional.of(Duration.ofMillis(endsAt - System.currentTimeMillis()));
    }

    /** Whether the current invocation has this much time left (always, outside one). */
    public static boolean hasLeft(Duration needed) {
        return timeLeft().map(left -> left.compareTo(needed) >= 0).orElse(true);
    }

    static Invocation current() {
        Invocation invocation = CURRENT.get();
        return invocation == null ? NONE : invocation;
    }

    /** The runtime's logger: it frames each line for CloudWatch and filters by the application log level. */
    LambdaLogger sink() {
        return logger != null ? logger : LambdaRuntime.getLogger();
    }

    private static String functionName() {
        return Optional.ofNullable(System.getenv("AWS_LAMBDA_FUNCTION_NAME")).orElse("");
    }

    /** Ends an invocation's scope; closing never fails. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
