package se.inlagg.local;

import java.time.Clock;
import java.util.Optional;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.store.Table;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The deployed table's client, its region and credentials resolved before any request is made (once: a credential
 * process or an instance's metadata is asked once), with the credentials' provider closed with it.
 */
record DeployedTable(DynamoDbClient client, DefaultCredentialsProvider credentials) implements AutoCloseable {

    static DeployedTable open() {
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        DynamoDbClient client = null;
        try {
            // The region first (the client is built in it), then the credentials.
            client = Table.standardClient(credentials);
            credentials.resolveCredentials();
            return new DeployedTable(client, credentials);
        } catch (SdkClientException e) {
            if (client != null) {
                client.close();
            }
            credentials.close();
            throw new AwsSettingsMissing(whatIsMissing(e.getMessage()));
        }
    }

    /** The wiring, with the stack's outputs read from the environment. */
    Wiring wiring() {
        try {
            return new Wiring(client, Settings.fromEnvironment(), Clock.systemUTC());
        } catch (IllegalStateException e) {
            throw new AwsSettingsMissing(whatIsMissing(e.getMessage()));
        }
    }

    @Override
    public void close() {
        client.close();
        credentials.close();
    }

    /** The SDK's message, which names every provider it asked, said as what is missing; any other as its first line. */
    static String whatIsMissing(String message) {
        String all = message == null ? "" : message;
        String line = all.lines().findFirst().orElse("").strip();
        if (line.startsWith("Unable to load region")) {
            return "no AWS region is set (AWS_REGION, or a region in the AWS_PROFILE's configuration)";
        }
        if (line.startsWith("Unable to load credentials") && all.contains("must be on the class path")) {
            // This command carries no SSO or STS module of the SDK, so such a profile is no use to it.
            return "the AWS profile signs in through SSO or a role, which this command cannot do itself; export the profile's"
                    + " credentials first: eval \"$(aws configure export-credentials --format env)\"";
        }
        if (line.startsWith("Unable to load credentials")) {
            return "no AWS credentials were found" + Main.env("AWS_PROFILE").map(p -> " for the profile " + p).orElse("")
                    + " (AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)";
        }
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * A request to the deployed table that DynamoDB refused or that never reached it, said in one line naming the table and
     * region and what to check, not a stack trace (a wrong TABLE_NAME, a missing permission, no network).
     */
    static final class AwsRequestFailed extends RuntimeException {
        /** Refused before anything was read or written: no such table, or credentials it does not take. */
        final boolean nothingChanged;

        AwsRequestFailed(String table, String region, SdkException e) {
            super(said(table, region, e));
            nothingChanged = code(e).equals("ResourceNotFoundException") || credentials(code(e));
        }

        /** What the service said of the error; empty when it never answered. */
        private static Optional<AwsErrorDetails> details(SdkException e) {
            return e instanceof AwsServiceException a ? Optional.ofNullable(a.awsErrorDetails())
                    : Optional.empty();
        }

        private static String code(SdkException e) {
            return details(e).map(AwsErrorDetails::errorCode).orElse("");
        }

        /** The error's message, its first line only (the SDK's go on with request ids and a stack of causes). */
        static String firstLine(SdkException e) {
            return Optional.ofNullable(e.getMessage()).flatMap(m -> m.lines().findFirst()).orElse(e.getClass().getSimpleName()).strip();
        }

        private static boolean credentials(String code) {
            return code.contains("AccessDenied") || code.contains("UnrecognizedClient") || code.contains("Token")
                    || code.contains("Signature");
        }

        private static String said(String table, String region, SdkException e) {
            String first = firstLine(e);
            String code = code(e);
            // An S3 error (reindex's search bucket) is no table's.
            boolean s3 = details(e).filter(d -> "S3".equals(d.serviceName())).isPresent();
            String what = s3 ? "the search bucket (SEARCH_BUCKET)" : "the table " + table;
            if (code.equals("ResourceNotFoundException")) {
                return "there is no table " + table + " in " + region + ": TABLE_NAME is the stack's TableName output, and AWS_REGION"
                        + " its region (README, \"The first author\")";
            }
            if (credentials(code)) {
                return "these AWS credentials may not use " + what + " in " + region + " (" + code + "): use the"
                        + " deploying account's, or a role allowed it (README, \"What you need\")";
            }
            if (!code.isEmpty()) {
                return "AWS answered " + code + " (" + what + " in " + region + "): " + first;
            }
            return "a request to AWS in " + region + " failed (" + first + "): check the network, AWS_REGION and any"
                    + " AWS_ENDPOINT_URL";
        }
    }

    /**
     * What --aws needs and did not find (a region, credentials, TABLE_NAME), said in one line with what to set, not as a
     * stack trace. Everything it names is read before the first request, so nothing was changed.
     */
    static final class AwsSettingsMissing extends RuntimeException {
        AwsSettingsMissing(String found) {
            super(found + ". Nothing was changed. --aws takes the standard AWS settings (AWS_REGION, and AWS_PROFILE or keys) and"
                    + " the stack's outputs (TABLE_NAME; SEARCH_BUCKET for reindex): README, \"The first author\".");
        }
    }
}
