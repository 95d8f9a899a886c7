package se.inlagg.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor of a cold start: one DynamoDB client, made once per container with the URL-connection HTTP
 * client and the standard configuration (region, credentials, AWS_ENDPOINT_URL_DYNAMODB from the
 * environment), and one Query per invocation; no event types, no JSON library, nothing of Inlägg
 * (only the CRaC hooks, for a like-for-like start from a SnapStart snapshot).
 */
public final class FloorHandler implements RequestStreamHandler {

    private static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private static final String TABLE = System.getenv("TABLE_NAME");

    static {
        // Started for SnapStart, the floor primes as the functions do (SnapStartPriming); on demand, the
        // issue's measure, nothing is registered and no class of it is even loaded.
        if ("snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            SnapStartPriming.register();
        }
    }

    /**
     * Its one Query, in as many rounds as the functions prime in, before the snapshot: a restored floor
     * is then compared like for like with restored functions, which run compiled code.
     */
    private static final class SnapStartPriming implements Resource {

        /** Held here: the CRaC context keeps only weak references to its resources. */
        private static final SnapStartPriming INSTANCE = new SnapStartPriming();

        static void register() {
            Core.getGlobalContext().register(INSTANCE);
        }

        /** As many rounds as Inlägg's functions prime in: PRIMING_ROUNDS, as they read it, else their 250. */
        private static int rounds() {
            try {
                return Math.max(1, Integer.parseInt(System.getenv().getOrDefault("PRIMING_ROUNDS", "250").strip()));
            } catch (NumberFormatException e) {
                return 250;
            }
        }

        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            // Like the functions' priming, within 20 s, and a failed Query ends it without failing the snapshot.
            long deadline = System.nanoTime() + 20_000_000_000L;
            try {
                for (int i = rounds(); i > 0 && System.nanoTime() < deadline; i--) {
                    count();
                }
            } catch (RuntimeException e) {
                System.err.println("floor priming stopped: " + e);
            }
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(("{\"count\":" + count() + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** A partition that holds nothing: the request and its round trip are the cost, not the data. */
    private static int count() {
        return DYNAMO.query(q -> q.tableName(TABLE).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("FLOOR")))).count();
    }
}
