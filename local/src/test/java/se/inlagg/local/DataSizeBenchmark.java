package se.inlagg.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one request of each kind costs, in DynamoDB calls and capacity units, as the blog grows to
 * 50, 2,000 and 20,000 posts: the figures behind "flat in the data". Counted through the handlers
 * against the embedded DynamoDB, which reports capacity by DynamoDB's arithmetic.
 *
 * <p>Run it (several minutes: 20,000 posts are written through the service) from the repository's root with
 * {@code mvn -q verify -pl local -am -Dtest=DataSizeBenchmark -Dbenchmark.excluded=none -Dsurefire.failIfNoSpecifiedTests=false};
 * {@code -Dbenchmark.sizes=50,2000} chooses the sizes. The table goes to local/target/benchmark/data-size.md.
 */
@Tag("benchmark")
class DataSizeBenchmark {

    @TempDir
    Path data;

    @Test
    void callsAndCapacityPerRequestAtEachSize() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.sizes", "50,2000,20000").split(","))
                .map(String::strip).map(Integer::parseInt).sorted().toList();
        Map<Integer, Map<String, MeteredDynamo.Cost>> bySize = new LinkedHashMap<>();
        try (DataSize blog = new DataSize(data, "PostsTable-DataSizeBenchmark")) {
            for (int size : sizes) {
                blog.growTo(size);
                blog.costs();   // a first "Månadsmöte" at each size, so the one measured has a used title
                bySize.put(size, new TreeMap<>(blog.costs()));
            }
        }
        StringBuilder md = new StringBuilder("DynamoDB calls and consumed capacity units per request, by posts in the table\n\n| request |");
        sizes.forEach(s -> md.append(' ').append(s).append(" posts |"));
        md.append("\n|---|").append("---|".repeat(sizes.size())).append('\n');
        List<String> requests = new ArrayList<>(bySize.get(sizes.getFirst()).keySet());
        for (String request : requests) {
            md.append("| ").append(request).append(" |");
            for (int size : sizes) {
                var cost = bySize.get(size).get(request);
                md.append(' ').append(cost.calls()).append(" calls, ").append(cost.capacityUnits()).append(" units |");
            }
            md.append('\n');
        }
        md.append("\nCalls of each request: ");
        requests.forEach(r -> md.append("\n- ").append(r).append(": ").append(bySize.get(sizes.getLast()).get(r).operations()));
        System.out.println(md);
        Path out = Repo.root().resolve("local/target/benchmark");
        Files.createDirectories(out);
        Files.writeString(out.resolve("data-size.md"), md + "\n");
    }
}
