package se.inlagg.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import se.inlagg.local.DeployedTable.AwsRequestFailed;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The SDK's endpoint settings, AWS_ENDPOINT_URL_DYNAMODB and AWS_ENDPOINT_URL_S3: another DynamoDB or S3 (LocalStack, say) for
 * the server and every command instead of the data folder's own.
 */
final class Endpoints {

    private Endpoints() {
    }

    /** The endpoint settings, as named and given: the DynamoDB's and the S3's a command was pointed at. */
    private static final List<String> ENDPOINTS = List.of("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_S3");

    /**
     * A request the SDK could not make to an endpoint given by a setting (LocalStack not running, say), said in one line
     * naming it and what to do, not as a stack trace; empty for any other failure.
     */
    static Optional<String> unreached(Throwable failure) {
        List<String> given = ENDPOINTS.stream().filter(v -> Main.env(v).isPresent()).map(v -> v + "=" + Main.env(v).get()).toList();
        for (Throwable cause = failure; cause != null && !given.isEmpty(); cause = cause.getCause()) {
            if (cause instanceof SdkClientException client) {
                return Optional.of("could not reach the endpoint given (" + String.join(", ", given) + "): "
                        + AwsRequestFailed.firstLine(client) + ". Start what serves it (LocalStack, say), or unset the variable to"
                        + " use the data folder's own.");
            }
        }
        return Optional.empty();
    }

    /**
     * An endpoint setting as an address, or a usage error naming it ("localhost:4566", without its scheme, or
     * "http://bad url"), not a stack trace.
     */
    static Optional<URI> endpoint(String variable) {
        return Main.env(variable).map(value -> {
            try {
                URI uri = new URI(value.strip());
                if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException notAnAddress) {
                // Said below, as an address of another kind is.
            }
            throw new UsageException(variable + " is " + value + ", which is no address to send requests to: give one like"
                    + " http://localhost:4566");
        });
    }

    /**
     * AWS_ENDPOINT_URL_DYNAMODB (the SDK's own setting): another DynamoDB for the server and every command, so that
     * an author made, a post seeded or an index rebuilt is in the table the server reads (else `reindex` beside
     * LocalStack's S3 would build an empty index from the data folder's table).
     */
    static Optional<URI> dynamoEndpoint() {
        return endpoint("AWS_ENDPOINT_URL_DYNAMODB");
    }
}
