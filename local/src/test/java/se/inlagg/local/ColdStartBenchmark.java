package se.inlagg.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures, per function, what sizing a Lambda needs: the first invocation in a fresh JVM against
 * the warm median (their ratio), and the heap, non-heap and resident memory after warm use, against
 * an idle JVM measured in the same run. It prints figures and asserts none: run it with
 * {@code mvn -q -pl local test -Dtest=ColdStartBenchmark -Dbenchmark.excluded=none}.
 */
@Tag("benchmark")
class ColdStartBenchmark {

    static final Map<String, String> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("AuthorizerFunction", "authorizer.json");
        EVENTS.put("CreatePostFunction", "create-post.json");
        EVENTS.put("GetPostFunction", "get-post.json");
        EVENTS.put("ListPostsFunction", "list-posts.json");
        EVENTS.put("AddTagsFunction", "add-tags.json");
        EVENTS.put("ListPageFunction", "page-home.json");
        EVENTS.put("PostPageFunction", "page-post.json");
        EVENTS.put("FeedFunction", "feed.json");
    }

    @Test
    void measureEachFunctionAgainstAnIdleJvm() throws Exception {
        try (var env = new ServerExtension()) {
            env.http.createPost("Månadsmöte: samverkan för klientens bästa", "2019-01-30", "Frivård");
            var dynamo = env.server.dynamoClient();
            String endpoint = dynamo.serviceClientConfiguration().endpointOverride().orElseThrow().toString();
            dynamo.close();
            List<String> lines = new ArrayList<>();
            lines.add(probe("none", null, endpoint, env.server.tableName()));
            for (var e : EVENTS.entrySet()) {
                lines.add(probe(e.getKey(), Repo.events().resolve(e.getValue()), endpoint, env.server.tableName()));
            }
            report(lines);
        }
    }

    static String probe(String function, Path event, String endpoint, String table) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dprobe.template=" + Repo.template(), "-DTABLE_NAME=" + table, "-DSITE_TIME_ZONE=Europe/Stockholm",
                "-Daws.region=eu-north-1", "-Daws.accessKeyId=local", "-Daws.secretAccessKey=local",
                "-Daws.endpointUrlDynamoDb=" + endpoint,
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), function));
        if (event != null) {
            command.add(event.toString());
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().filter(l -> l.startsWith("PROBE ")).findFirst()
                .orElseThrow(() -> new AssertionError(function + " printed no figures: " + out));
    }

    static void report(List<String> lines) {
        Map<String, Double> idle = figures(lines.getFirst());
        System.out.println();
        System.out.printf("%-20s %9s %11s %10s %9s %9s %8s %10s%n", "function", "cold ms", "warm ms", "cold/warm",
                "heap MB", "other MB", "RSS MB", "RSS/idle");
        for (String line : lines.subList(1, lines.size())) {
            Map<String, Double> f = figures(line);
            System.out.printf("%-20s %9.0f %11.2f %10.0f %9.1f %9.1f %8.0f %10.1f%n", line.split(" ")[1], f.get("coldMs"),
                    f.get("warmMedianMs"), f.get("coldMs") / f.get("warmMedianMs"), f.get("heapMb"), f.get("nonHeapMb"),
                    f.get("rssMb"), f.get("rssMb") / idle.get("rssMb"));
        }
        System.out.printf("%-20s %9s %11s %10s %9.1f %9.1f %8.0f %10s%n", "(idle JVM)", "-", "-", "-",
                idle.get("heapMb"), idle.get("nonHeapMb"), idle.get("rssMb"), "1.0");
    }

    static Map<String, Double> figures(String line) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (String part : line.split(" ")) {
            if (part.contains("=")) {
                f.put(part.substring(0, part.indexOf('=')), Double.parseDouble(part.substring(part.indexOf('=') + 1)));
            }
        }
        return f;
    }
}
