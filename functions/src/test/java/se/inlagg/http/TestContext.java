package se.inlagg.http;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A Lambda context for unit tests, whose logger keeps what was logged. */
public final class TestContext implements Context {

    public final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final int remainingMillis;

    public TestContext() {
        this(10_000);
    }

    /** An invocation with this long left before Lambda ends it. */
    public TestContext(int remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    public String logs() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String getAwsRequestId() {
        return "test-request-1";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "TestFunction";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-north-1:000000000000:function:TestFunction";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log(message.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void log(byte[] message) {
                logged.writeBytes(message);
            }
        };
    }
}
