package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.inlagg.json.Json;
import se.inlagg.ops.KeepActive;
import se.inlagg.ops.WithinTheInvocation;

/**
 * What an operator relies on in template.yaml and no deployment shows until it is missing: every
 * function's logs in a group of its own with the retention, access logs that carry what the
 * alarms and queries read, every function under a throttle alarm, and every alarm able to reach
 * someone.
 */
@SameOnEveryBackend
class OperationsTemplateTest {

    static Template template;

    @BeforeAll
    static void read() throws IOException {
        template = Template.read(Repo.template());
    }

    static Map<String, Object> properties(String resourceId) {
        return Template.map(template.resource(resourceId).get("Properties"));
    }

    static List<Map.Entry<String, Map<String, Object>>> ofType(String type) {
        List<Map.Entry<String, Map<String, Object>>> found = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            if (type.equals(Template.map(r).get("Type"))) {
                found.add(Map.entry(id, Template.map(Template.map(r).get("Properties"))));
            }
        });
        return found;
    }

    @Test
    void everyFunctionLogsJsonAtTheLogLevelToAGroupOfItsOwnThatKeepsTheRetention() {
        Set<Object> groups = new HashSet<>();
        for (var f : template.functions().values()) {
            Map<String, Object> logging = Template.map(f.properties().get("LoggingConfig"));
            assertEquals("JSON", logging.get("LogFormat"), f.id());
            assertEquals(Map.of("Ref", "LogLevel"), logging.get("ApplicationLogLevel"), f.id());
            Object group = Template.map(logging.get("LogGroup")).get("Ref");
            assertTrue(groups.add(group), f.id() + " shares its log group");
            assertEquals("AWS::Logs::LogGroup", template.resource(String.valueOf(group)).get("Type"), f.id() + " names no log group");
            assertEquals(Map.of("Fn::Sub", "/aws/lambda/${AWS::StackName}-" + f.id()),
                    properties(String.valueOf(group)).get("LogGroupName"), "the name Lambda's own would have, less its suffix");
        }
        List<Map.Entry<String, Map<String, Object>>> all = ofType("AWS::Logs::LogGroup");
        assertEquals(template.functions().size() + 1, all.size(), "one group per function and the access log's");
        all.forEach(g -> assertEquals(Map.of("Ref", "LogRetentionDays"), g.getValue().get("RetentionInDays"), g.getKey()));
    }

    @Test
    void theAccessLogIsJsonWithWhatTheQueriesAndTheThrottleMetricRead() throws IOException {
        var api = template.firstOfType("AWS::Serverless::HttpApi").orElseThrow();
        Map<String, Object> settings = Template.map(Template.map(api.getValue().get("Properties")).get("AccessLogSettings"));
        assertEquals(Map.of("Fn::GetAtt", List.of("HttpApiAccessLogs", "Arn")), settings.get("DestinationArn"));
        JsonNode format = Http.JSON.readTree(String.valueOf(settings.get("Format")));
        Map<String, String> fields = new LinkedHashMap<>();
        format.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        for (String variable : List.of("$context.requestId", "$context.routeKey", "$context.status", "$context.responseLatency",
                "$context.integrationLatency", "$context.integrationErrorMessage", "$context.authorizer.error",
                "$context.identity.sourceIp", "$context.identity.userAgent", "$context.protocol", "$context.responseLength",
                "$context.integration.requestId")) {
            assertTrue(fields.containsValue(variable), "the access log lacks " + variable);
        }
        // The metric filter reads fields by name: renaming one in the format would silently count nothing.
        String pattern = String.valueOf(properties("GatewayThrottledMetric").get("FilterPattern"));
        Matcher field = Pattern.compile("\\$\\.(\\w+)").matcher(pattern + " "
                + Template.map(((List<?>) properties("GatewayThrottledMetric").get("MetricTransformations")).getFirst()).get("Dimensions"));
        int read = 0;
        while (field.find()) {
            assertTrue(fields.containsKey(field.group(1)), "the metric filter reads " + field.group(1) + ", which the access log lacks");
            read++;
        }
        assertTrue(read >= 3, pattern);
        assertEquals(Map.of("Ref", "HttpApiAccessLogs"), properties("GatewayThrottledMetric").get("LogGroupName"));
    }

    @Test
    void everyFunctionIsWatchedByExactlyOneThrottleAlarmOfAtMostTenMetrics() {
        List<String> watched = new ArrayList<>();
        for (var alarm : ofType("AWS::CloudWatch::Alarm")) {
            List<?> metrics = alarm.getValue().get("Metrics") instanceof List<?> l ? l : List.of();
            int stats = 0;
            for (Object m : metrics) {
                Map<String, Object> stat = Template.map(Template.map(m).get("MetricStat"));
                Map<String, Object> metric = Template.map(stat.get("Metric"));
                if (!stat.isEmpty()) {
                    stats++;
                }
                if ("Throttles".equals(metric.get("MetricName")) && "AWS/Lambda".equals(metric.get("Namespace"))) {
                    watched.add(String.valueOf(Template.map(Template.map(((List<?>) metric.get("Dimensions")).getFirst()).get("Value")).get("Ref")));
                }
            }
            assertTrue(stats <= 10, alarm.getKey() + " reads " + stats + " metrics; CloudWatch allows 10");
        }
        assertEquals(new TreeSet<>(template.functions().keySet()), new TreeSet<>(watched), "functions without a throttle alarm");
        assertEquals(template.functions().size(), watched.size(), "a function under two throttle alarms: " + watched);
    }

    /**
     * Alarms are the one cost that does not fall to zero with no readers ($0.10 a month per metric
     * they read, the first 10 of an account free), so a stage can drop the per-function throttle
     * alarms, and what stays is within the free ten.
     */
    @Test
    void withoutThePerFunctionThrottleAlarmsTheRestReadAtMostTenMetrics() {
        assertTrue(template.condition("WatchesEachFunction"), "by default every function is watched");
        int kept = 0;
        for (var alarm : ofType("AWS::CloudWatch::Alarm")) {
            List<?> metrics = alarm.getValue().get("Metrics") instanceof List<?> l ? l : List.of();
            boolean perFunction = metrics.stream().map(m -> Template.map(Template.map(Template.map(m).get("MetricStat")).get("Metric")))
                    .anyMatch(m -> "Throttles".equals(m.get("MetricName")) && "AWS/Lambda".equals(m.get("Namespace")));
            Object condition = template.resource(alarm.getKey()).get("Condition");
            assertEquals(perFunction ? "WatchesEachFunction" : null, condition, alarm.getKey());
            if (!perFunction) {
                kept += metrics.isEmpty() ? 1 : (int) metrics.stream().filter(m -> Template.map(m).containsKey("MetricStat")).count();
            }
        }
        assertTrue(kept > 0 && kept <= 10, "the alarms every stage keeps read " + kept + " metrics");
    }

    @Test
    void theAuthorizersErrorsRaiseAnAlarm() {
        Map<String, Object> alarm = properties("AuthorizerErrorAlarm");
        assertEquals("AWS/Lambda", alarm.get("Namespace"));
        assertEquals("Errors", alarm.get("MetricName"));
        assertEquals(List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", template.authorizerFunctionId().orElseThrow()))),
                alarm.get("Dimensions"));
    }

    /**
     * The README's list of what a deployer's user or role must be allowed to make names every kind of resource the template
     * makes, or a role granted what it lists cannot make (say) the CloudFront distribution, the queue or the topic. A new
     * kind fails here until the list names it.
     */
    @Test
    void theDeployersListNamesEveryKindOfResourceTheTemplateMakes() throws IOException {
        String readme = Files.readString(Repo.root().resolve("README.md"));
        int from = readme.indexOf("### What you need");
        String list = readme.substring(from, readme.indexOf("\n- ", readme.indexOf("\n- ", from) + 1)).replaceAll("\\s+", " ");
        Map<String, List<String>> named = Map.ofEntries(
                Map.entry("AWS::Serverless::Function", List.of("Lambda functions", "versions, aliases", "event source mapping", "IAM roles", "iam:PassRole")),
                Map.entry("AWS::Serverless::HttpApi", List.of("API Gateway HTTP API")),
                Map.entry("AWS::DynamoDB::Table", List.of("DynamoDB table with its stream")),
                Map.entry("AWS::S3::Bucket", List.of("S3 buckets", "lifecycle rules and versioning")),
                Map.entry("AWS::S3::BucketPolicy", List.of("bucket policies")),
                Map.entry("AWS::CloudFront::Distribution", List.of("CloudFront distribution")),
                Map.entry("AWS::CloudFront::CachePolicy", List.of("cache policies")),
                Map.entry("AWS::CloudFront::Function", List.of("CloudFront function")),
                Map.entry("AWS::CloudFront::OriginAccessControl", List.of("origin access control")),
                Map.entry("AWS::SQS::Queue", List.of("SQS queue")),
                Map.entry("AWS::SNS::Topic", List.of("SNS topic")),
                Map.entry("AWS::Logs::LogGroup", List.of("log groups")),
                Map.entry("AWS::Logs::MetricFilter", List.of("metric filter")),
                Map.entry("AWS::CloudWatch::Alarm", List.of("alarms")));
        Set<String> types = new TreeSet<>();
        template.resources().values().forEach(r -> types.add(String.valueOf(Template.map(r).get("Type"))));
        for (String type : types) {
            assertTrue(named.containsKey(type), type + " is made by the template: name it in the README's deployer list, then here");
            named.get(type).forEach(words -> assertTrue(list.contains(words), type + ": the list names \"" + words + "\": " + list));
        }
    }

    /** A function reading the table's stream that falls behind is told of before its retries give up. */
    /**
     * Every resource a runbook looks up by its logical id (`describe-stack-resource --logical-resource-id`) is one the stack
     * makes: the template's own, or an event source mapping SAM makes of a function's stream event (named by the function
     * and the event), which the whole-table restore stops and starts again.
     */
    @Test
    void everyResourceTheDocsLookUpIsOneTheStackMakes() throws IOException {
        Set<String> made = new TreeSet<>(template.resources().keySet());
        template.streamSources().forEach(s -> made.add(s.functionId() + s.name()));
        Pattern lookUp = Pattern.compile("--logical-resource-id (\\w+)");
        Set<String> named = new TreeSet<>();
        for (Path doc : List.of(Repo.root().resolve("README.md"), Repo.root().resolve("docs/OPERATIONS.md"))) {
            lookUp.matcher(Files.readString(doc)).results().forEach(m -> named.add(m.group(1)));
        }
        assertTrue(named.containsAll(List.of("SearchIndexFailures", "SearchIndexFunctionPostChanges")), "the look-ups were read: " + named);
        named.removeAll(made);
        assertEquals(Set.of(), named, "looked up in the docs, made by no resource of the stack");
    }

    /**
     * Every function's timeout leaves its calls to AWS time of their own after what the function keeps for answering when
     * one runs out (WithinTheInvocation, CallsWithinTheInvocationTest): at least three times as much.
     */
    @Test
    void everyFunctionsTimeoutLeavesItsCallsTime() {
        assertTrue(template.functions().size() > 30, "the functions were read: " + template.functions().size());
        template.functions().forEach((id, function) -> {
            long timeout = ((Number) function.properties().get("Timeout")).longValue() * 1_000;
            assertTrue(timeout >= 4 * WithinTheInvocation.ANSWERING.toMillis(),
                    id + "'s Timeout of " + timeout + " ms leaves its calls too little after " + WithinTheInvocation.ANSWERING);
        });
    }

    @Test
    void everyStreamReaderFallingBehindRaisesAnAlarm() {
        assertFalse(template.streamSources().isEmpty());
        for (var source : template.streamSources()) {
            var dimensions = List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", source.functionId())));
            var watching = ofType("AWS::CloudWatch::Alarm").stream().map(a -> a.getValue())
                    .filter(a -> "IteratorAge".equals(a.get("MetricName")) && "AWS/Lambda".equals(a.get("Namespace")) && dimensions.equals(a.get("Dimensions")))
                    .toList();
            assertEquals(1, watching.size(), source.functionId());
            assertEquals("Maximum", watching.getFirst().get("Statistic"), "the oldest change waiting, not an average that hides it");
            double threshold = ((Number) watching.getFirst().get("Threshold")).doubleValue();
            assertTrue(threshold >= 60_000 && threshold <= 3_600_000, "milliseconds, between a minute and an hour: " + threshold);
        }
    }

    @Test
    void everyAlarmReachesTheGivenTopicAndTheMailTopicWhenAnAddressIsGiven() {
        List<Object> both = List.of(
                Map.of("Fn::If", List.of("HasAlarmTopic", Map.of("Ref", "AlarmTopicArn"), Map.of("Ref", "AWS::NoValue"))),
                Map.of("Fn::If", List.of("HasAlarmEmail", Map.of("Ref", "AlarmMailTopic"), Map.of("Ref", "AWS::NoValue"))));
        var alarms = ofType("AWS::CloudWatch::Alarm");
        assertTrue(alarms.size() >= 6, "5xx rate, table throttling, two function throttle alarms, gateway 429s, authorizer errors");
        alarms.forEach(a -> assertEquals(both, a.getValue().get("AlarmActions"), a.getKey()));
        alarms.forEach(a -> assertEquals(both, a.getValue().get("OKActions"), a.getKey() + " says when it clears, too"));
        Map<String, Object> topic = template.resource("AlarmMailTopic");
        assertEquals("HasAlarmEmail", topic.get("Condition"), "no address, no topic");
        assertEquals(List.of(Map.of("Protocol", "email", "Endpoint", Map.of("Ref", "AlarmEmail"))), properties("AlarmMailTopic").get("Subscription"));
        assertFalse(String.valueOf(Template.map(template.parameters().get("AlarmEmail")).get("Default")).contains("@"));
    }

    /** checkov (in CI) passes a check that is waived; the waiver is only acceptable with its reason beside it. */
    @Test
    void everyWaivedSecurityCheckSaysWhy() {
        int waivers = 0;
        for (var resource : template.resources().entrySet()) {
            Map<String, Object> checkov = Template.map(Template.map(Template.map(resource.getValue()).get("Metadata")).get("checkov"));
            for (Object skip : checkov.get("skip") instanceof List<?> l ? l : List.of()) {
                Map<String, Object> waiver = Template.map(skip);
                assertTrue(String.valueOf(waiver.get("id")).matches("CKV_AWS_\\d+"), resource.getKey() + ": " + waiver);
                assertTrue(String.valueOf(waiver.get("comment")).length() > 40, resource.getKey() + " waives " + waiver.get("id") + " without a reason");
                waivers++;
            }
        }
        assertTrue(waivers > 0, "no waiver found: has the Metadata moved?");
    }

    @Test
    void aFunctionsOldVersionsAreDeletedOnceANewOneIsLiveSoDeploysNeverFillLambdasCodeStorage() {
        template.functions().values().forEach(f -> {
            assertEquals("live", f.properties().get("AutoPublishAlias"), f.id());
            assertEquals("Delete", f.properties().get("VersionDeletionPolicy"), f.id());
        });
    }

    /**
     * Without it SAM names a function's version by its code, environment, memory and SnapStart alone, so a change of
     * Timeout, Runtime or Tracing in the template would reach $LATEST and never the `live` alias requests go to
     * (docs/OPERATIONS.md).
     */
    @Test
    void aChangeOfAnyPropertyInTheTemplatePublishesANewVersion() {
        template.functions().values().forEach(f -> assertEquals(true, f.properties().get("AutoPublishAliasAllProperties"), f.id()));
    }

    /**
     * Lambda lets a SnapStart version that has not been invoked for 14 days go Inactive and fails its next invocations
     * until it is Active again, so every function's live alias is invoked weekly with the event its code answers as kept,
     * under a name of this stack's (a schedule's name is unique in its region: a second stage's would clash).
     */
    @Test
    void everyFunctionIsInvokedWeeklySoItsSnapshotNeverGoesInactive() {
        Map<String, Template.Schedule> byFunction = new HashMap<>();
        template.schedules().forEach(s -> byFunction.put(s.functionId(), s));
        template.functions().values().forEach(f -> {
            Template.Schedule schedule = byFunction.get(f.id());
            assertTrue(schedule != null, f.id() + " has no schedule");
            assertEquals("rate(7 days)", schedule.expression(), f.id());
            assertTrue(KeepActive.is(Json.read(schedule.input())), f.id() + " sends " + schedule.input());
            Map<String, Object> keep = Template.map(Template.map(f.properties().get("Events")).get("KeepActive"));
            String name = String.valueOf(Template.map(Template.map(keep.get("Properties")).get("Name")).get("Fn::Sub"));
            assertTrue(name.startsWith("${AWS::StackName}-") && name.length() - "${AWS::StackName}".length() < 40, f.id() + ": " + name);
        });
    }

    @Test
    void everyFunctionIsTracedByLambda() {
        template.functions().values().forEach(f -> assertEquals("Active", f.properties().get("Tracing"), f.id()));
    }
}
