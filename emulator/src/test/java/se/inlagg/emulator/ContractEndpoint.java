package se.inlagg.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The endpoint the contract suites run against when {@code -Demulator.contract.endpoint=http://…}
 * names one (LocalStack, for example), and whether it is LocalStack, detected by its health endpoint.
 */
public final class ContractEndpoint {

    private static Boolean localStack;

    private ContractEndpoint() {
    }

    /** The endpoint given on the command line, or null when the suites start emulators of their own. */
    public static URI given() {
        String given = System.getProperty("emulator.contract.endpoint", "");
        return given.isBlank() ? null : URI.create(given);
    }

    public static synchronized boolean localStack() {
        if (localStack == null) {
            localStack = false;
            URI given = given();
            if (given != null) {
                try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(given.resolve("/_localstack/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    localStack = r.statusCode() == 200 && r.body().contains("services");
                } catch (Exception e) {
                    localStack = false;
                }
            }
        }
        return localStack;
    }
}
