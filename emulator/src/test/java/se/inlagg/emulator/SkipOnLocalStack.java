package se.inlagg.emulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A contract test where LocalStack departs from AWS's documented behaviour and the emulator follows
 * AWS; the value names the gap in one line. Skipped against LocalStack only, unless
 * {@code -Demulator.contract.skips=off} (to check whether a newer LocalStack has closed a gap).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SkipOnLocalStack.Condition.class)
public @interface SkipOnLocalStack {

    String value();

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            var reason = context.getElement().map(e -> e.getAnnotation(SkipOnLocalStack.class));
            boolean skipping = !"off".equals(System.getProperty("emulator.contract.skips"));
            if (skipping && reason.isPresent() && reason.get() != null && ContractEndpoint.localStack()) {
                return ConditionEvaluationResult.disabled("LocalStack: " + reason.get().value());
            }
            return ConditionEvaluationResult.enabled("runs here");
        }
    }
}
