package se.inlagg.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The few lines `serve` prints once it answers: where, with which token, on which data, and how to stop. */
final class StartBanner {

    private StartBanner() {
    }

    /**
     * @param tokenGiven whether the token came from INLAGG_DEV_TOKEN (then it is not saved)
     * @param endpoint another DynamoDB the data lives in, when not the embedded one in the data folder
     */
    static String text(URI url, String token, boolean tokenGiven, Path data, Optional<URI> endpoint, List<String> seeded) {
        StringBuilder b = new StringBuilder();
        b.append("Inlägg is running at ").append(url).append('\n');
        b.append("  author token  ").append(token)
                .append(tokenGiven ? "  (from INLAGG_DEV_TOKEN)" : "  (saved in " + data.resolve(LocalServer.DEV_TOKEN_FILE) + ")")
                .append('\n');
        if (endpoint.isPresent()) {
            b.append("  data          in the DynamoDB at ").append(endpoint.get()).append(" (AWS_ENDPOINT_URL_DYNAMODB)\n");
        } else {
            b.append("  data folder   ").append(data);
            if (!seeded.isEmpty()) {
                b.append("  (new: ").append(seeded.size()).append(" example posts added)");
            }
            b.append('\n');
        }
        b.append("Ctrl-C stops it. Each request is logged below.\n");
        return b.toString();
    }
}
