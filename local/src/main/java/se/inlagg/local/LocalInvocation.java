package se.inlagg.local;

import java.util.UUID;
import java.util.function.Supplier;
import se.inlagg.ops.Invocation;

/**
 * Application code run by a local tool rather than by a request: as an invocation of its own, so
 * its log lines print readably and its metrics (EMF lines, meant for CloudWatch) stay off the
 * terminal, as they do for the server's requests. Outside one they go raw to standard output.
 */
final class LocalInvocation {

    private static final long BUDGET_MILLIS = 60_000;

    private LocalInvocation() {
    }

    static <T> T run(String name, Supplier<T> work) {
        var context = new LocalContext(UUID.randomUUID().toString(), name, System.currentTimeMillis() + BUDGET_MILLIS);
        try (var scope = Invocation.begin(context, name, "")) {
            return work.get();
        }
    }
}
