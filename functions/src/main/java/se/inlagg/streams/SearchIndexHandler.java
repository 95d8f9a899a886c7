package se.inlagg.streams;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import se.inlagg.app.LazyWiring;
import se.inlagg.app.Priming;
import se.inlagg.app.Wiring;
import se.inlagg.json.Json;
import se.inlagg.ops.Invocation;
import se.inlagg.ops.KeepActive;
import se.inlagg.ops.Log;
import se.inlagg.search.SearchService;

/**
 * The table's stream, applied to the search index: each batch of changed post items becomes one
 * commit of the index, made from the posts as they are now (so order and repeats do not matter). And
 * the files of uploaded pictures the changes left behind are deleted, unless the post shows them again
 * now: the write that left one deletes it too, but at best, so this is what makes sure.
 * A failure throws, and Lambda retries the batch, halves it, and finally sends it to the
 * on-failure queue (template.yaml), so one bad record never holds up the stream.
 */
public final class SearchIndexHandler implements RequestStreamHandler {

    private final LazyWiring wiring = new LazyWiring();

    public SearchIndexHandler() {
        // Before a SnapStart snapshot: the table's read path, Lucene's writing on a scratch index in memory
        // (the bucket is never written: priming must change nothing) and the copy of the index its batches
        // write on, and the reading of a batch. Not a search: it would fill the readers' copy, which an
        // indexer never reads.
        // Each step on its own, so one that fails (logged) leaves the others in the snapshot. One round, not
        // the request functions' many (Priming.inRounds): nobody waits for a batch, and a round is a Lucene commit.
        Priming.whenSnapshotted(() -> {
            Priming.of(wiring.get()).prime(false);
            Priming.attempt(() -> wiring.get().search().primeIndexing());
            Priming.attempt(() -> StreamBatch.read(new ByteArrayInputStream("{\"Records\": []}".getBytes(StandardCharsets.UTF_8))));
            return 1;
        });
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {
        long start = System.nanoTime();
        Object event = Json.read(in);
        if (KeepActive.answered(event, out)) {
            return;
        }
        StreamBatch batch = StreamBatch.of(event);
        try (Invocation.Scope scope = Invocation.begin(context, "stream", "")) {
            var ids = batch.postIds();
            SearchService.IndexChange change = wiring.get().search().indexChanged(ids);
            long lag = batch.oldest().map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
            Log.info("search_indexed", "records", batch.changes().size(), "posts", ids.size(), "indexed", change.indexed(),
                    "removed", change.removed(), "rebuilt", change.rebuilt(), "bytes", change.bytes(),
                    "ms", (System.nanoTime() - start) / 1_000_000, "lagMs", lag);
            // The pictures the changes left behind go too (the bucket is reached, and its client made, only then).
            var left = batch.picturesLeft();
            if (!left.isEmpty()) {
                wiring.get().images().ifPresent(images -> left.forEach(p -> images.pictureLeft(p.postId(), p.name())));
                Log.info("pictures_left", "checked", left.size());
            }
            // Every record of the batch is done; Lambda reads this only where ReportBatchItemFailures is on.
            Json.write(Map.of("batchItemFailures", List.of()), out);
        }
    }

    /** Runs this function on other services (a test's store, a tool's table); returns itself. */
    public SearchIndexHandler use(Wiring services) {
        wiring.use(services);
        return this;
    }
}
