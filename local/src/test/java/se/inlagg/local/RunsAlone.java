package se.inlagg.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that floods its table with concurrent writes. On LocalStack, whose DynamoDB answers one request at a
 * time, those writes wait in one line; with the other test JVM's classes beside them the line grew past what an
 * invocation may wait (8.5 s), and the authorizer's read in it failed the request as API Gateway fails one whose
 * authorizer fails (500). So the localstack profile (local/pom.xml) runs these after the others, in one JVM alone, as
 * every class ran before it ran two JVMs side by side. On the embedded DynamoDB they run with the rest.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsAlone.TAG)
public @interface RunsAlone {
    String TAG = "runs-alone";
}
