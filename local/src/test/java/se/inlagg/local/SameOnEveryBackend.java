package se.inlagg.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that never reaches the backend chosen with -Dinlagg.backend: it checks pure code, the
 * template, or commands and servers on an embedded DynamoDB of their own. CI's run on LocalStack
 * leaves these out (-Dbenchmark.excluded=benchmark,same-on-every-backend), as they would only run the
 * same a second time; SameOnEveryBackendTest keeps the mark off any class that does reach the backend.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(SameOnEveryBackend.TAG)
public @interface SameOnEveryBackend {
    String TAG = "same-on-every-backend";
}
