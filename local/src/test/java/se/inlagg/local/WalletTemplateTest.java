package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What stands between an anonymous client and the bill. Every request CloudFront does not answer reaches a function,
 * and API Gateway's throttle (ThrottleRateLimit, 50 a second by default) is the only limit: a loop just under it that
 * misses the cache on purpose (new search words, another limit, a made-up address) is no 429, no 5xx and no throttle,
 * so only an alarm on traffic itself tells anyone before the invoice does, and README must say what the ceiling is
 * (a cost probe found neither: some $1,500 a month at the throttle, then).
 */
@SameOnEveryBackend
class WalletTemplateTest {

    static Template template;

    @BeforeAll
    static void read() throws IOException {
        template = Template.read(Repo.template());
    }

    /** Metrics that rise with traffic itself, whatever it is answered: alarming on one of them is watching the bill. */
    private static final Set<String> VOLUME = Set.of("Count", "Invocations", "ConcurrentExecutions", "Duration",
            "ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits", "EstimatedCharges", "IncomingBytes");

    @Test
    void aFloodJustUnderTheApiThrottleIsCappedOrSomeoneIsTold() {
        List<String> guards = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            Map<String, Object> resource = Template.map(r);
            Map<String, Object> props = resource.get("Properties") == null ? Map.of() : Template.map(resource.get("Properties"));
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::Budgets::Budget" -> guards.add(id + " (a budget)");
                case "AWS::CloudWatch::Alarm" -> {
                    if (VOLUME.contains(String.valueOf(props.get("MetricName")))) {
                        guards.add(id + " (" + props.get("MetricName") + ")");
                    }
                    if (props.get("Metrics") instanceof List<?> metrics) {
                        for (Object m : metrics) {
                            Map<String, Object> metric = Template.map(m);
                            boolean returned = !Boolean.FALSE.equals(metric.get("ReturnData"))
                                    && !"false".equals(String.valueOf(metric.get("ReturnData")));
                            if (returned && metric.get("MetricStat") != null) {
                                Object name = Template.map(Template.map(Template.map(metric.get("MetricStat")).get("Metric"))).get("MetricName");
                                if (VOLUME.contains(String.valueOf(name))) {
                                    guards.add(id + " (" + name + ")");
                                }
                            }
                        }
                    }
                }
                case "AWS::DynamoDB::Table" -> {
                    if (props.get("OnDemandThroughput") instanceof Map<?, ?> cap && cap.get("MaxReadRequestUnits") != null) {
                        guards.add(id + " (MaxReadRequestUnits)");
                    }
                }
                default -> { }
            }
        });
        assertTrue(!guards.isEmpty(), "nothing in template.yaml caps or watches what traffic costs: no budget, no alarm on "
                + "requests, invocations or consumed capacity, no MaxReadRequestUnits on the table; a client looping on "
                + "/feed.xml?x=<n> at 49 a second (no 429, no 5xx, no throttle) runs up some $1,500 a month and no alarm fires");
    }

    @Test
    void readmeSaysWhatTheBillCanReachAtTheThrottle() throws IOException {
        String readme = Files.readString(Repo.root().resolve("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("### What it costs");
        String section = readme.substring(from, readme.indexOf("\n### ", from + 1));
        assertTrue(section.contains("ThrottleRateLimit"), "README's \"What it costs\" gives the bill at 100,000 views "
                + "(about $4) but not what it can reach when every request misses the cache at the API's throttle, "
                + "the only limit on an anonymous client, nor which setting bounds it");
    }
}
