package se.inlagg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.inlagg.app.Priming;
import se.inlagg.ops.Invocation;

/** A function's priming requests run every round; one answered 5xx is a failed step, run once and logged once. */
class PrimingStepsTest {

    /** A function that reads no table and answers its one priming request with the status given. */
    static final class Answering extends HttpFunction {
        final AtomicInteger asked = new AtomicInteger();
        private final int status;

        Answering(int status) {
            this.status = status;
        }

        @Override
        protected HttpResponse handle(HttpRequest request) {
            asked.incrementAndGet();
            return HttpResponse.empty(status);
        }

        @Override
        protected ErrorRenderer errors(HttpRequest request) {
            return JsonErrors.INSTANCE;
        }

        @Override
        protected List<HttpRequest> primingRequests() {
            return List.of(primingGet("GET /api/tags", "/api/tags"));
        }

        @Override
        protected boolean readsTable() {
            return false;
        }
    }

    @Test
    void aRequestAnsweredWellRunsEveryRound() {
        var function = new Answering(200);
        TestContext context = new TestContext();
        int rounds;
        try (var scope = Invocation.begin(context, "priming", "")) {
            rounds = Priming.inRounds(function.primingSteps());
        }
        assertEquals(Priming.ROUNDS, rounds);
        assertEquals(Priming.ROUNDS, function.asked.get());
        assertTrue(context.logs().isBlank(), context.logs());
    }

    @Test
    void aRequestAnswered5xxRunsOnceAndItsWarningNamesIt() {
        var function = new Answering(503);
        TestContext context = new TestContext();
        try (var scope = Invocation.begin(context, "priming", "")) {
            Priming.inRounds(function.primingSteps());
        }
        assertEquals(1, function.asked.get());
        List<String> lines = context.logs().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), context.logs());
        assertTrue(lines.getFirst().contains("\"priming_failed\"") && lines.getFirst().contains("GET /api/tags")
                && lines.getFirst().contains("503"), lines.getFirst());
    }
}
