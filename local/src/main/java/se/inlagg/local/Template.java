package se.inlagg.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local server and the tests need from template.yaml: each function's handler and
 * environment (Globals merged in), each HttpApi route, the authorizer and the table. Nothing
 * here is a second copy; it is all read from the file.
 */
public final class Template {

    /** One HttpApi event: a method and path (or "$default") routed to a function. */
    public record Route(String method, String path, String functionId, boolean authorized) {
        public String key() {
            return path.equals("$default") ? "$default" : method + " " + path;
        }
    }

    /**
     * A DynamoDB stream event of a function: how Lambda's event source mapping feeds it (batch size,
     * batching window, where to start, the filters records must pass, retries and bisecting).
     */
    public record StreamSource(String functionId, String name, int batchSize, int windowSeconds, String startingPosition,
                               List<String> filterPatterns, int maximumRetryAttempts, boolean bisectOnError) {
    }

    /** A ScheduleV2 event of a function: how often the scheduler invokes its alias, and the JSON it sends. */
    public record Schedule(String functionId, String expression, String input) {
    }

    /** A function: its handler string ("class::method") and its environment variables. */
    public record Function(String id, String handler, String codeUri, Map<String, String> environment,
                           Map<String, Object> properties) {
        public String handlerClass() {
            return handler.split("::", 2)[0];
        }
    }

    private final Map<String, Object> root;
    private final Map<String, Object> globals;
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<StreamSource> streamSources = new ArrayList<>();
    private final List<Schedule> schedules = new ArrayList<>();

    private Template(Map<String, Object> root) {
        this.root = root;
        this.globals = map(map(root.get("Globals")).get("Function"));
        resources().forEach((id, resource) -> {
            Map<String, Object> r = map(resource);
            if ("AWS::Serverless::Function".equals(r.get("Type"))) {
                readFunction(id, map(r.get("Properties")));
            }
        });
    }

    public static Template read(Path file) throws IOException {
        return new Template(CloudFormationYaml.read(file));
    }

    public Map<String, Function> functions() {
        return functions;
    }

    public List<Route> routes() {
        return routes;
    }

    /** Every function's DynamoDB stream events (the local server polls the table's stream for them). */
    public List<StreamSource> streamSources() {
        return streamSources;
    }

    /** Every function's scheduled invocations (the tests send each its schedule's input as the runtime would). */
    public List<Schedule> schedules() {
        return schedules;
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    public Map<String, Object> resource(String id) {
        return map(resources().get(id));
    }

    /** The first resource of a type, with its logical id. */
    public Optional<Map.Entry<String, Map<String, Object>>> firstOfType(String type) {
        return resources().entrySet().stream()
                .filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(e -> Map.entry(e.getKey(), map(e.getValue())))
                .findFirst();
    }

    /** The table's properties: the local server creates the same table locally. */
    public Map.Entry<String, Map<String, Object>> table() {
        return firstOfType("AWS::DynamoDB::Table").orElseThrow(() -> new IllegalStateException("template has no table"));
    }

    /** The HttpApi's authorizer: its name and properties (FunctionArn, Identity, …). */
    public Optional<Map.Entry<String, Map<String, Object>>> authorizer() {
        return firstOfType("AWS::Serverless::HttpApi").flatMap(api -> {
            Map<String, Object> auth = map(map(api.getValue().get("Properties")).get("Auth"));
            return map(auth.get("Authorizers")).entrySet().stream().findFirst()
                    .map(e -> Map.entry(e.getKey(), map(e.getValue())));
        });
    }

    /** The logical id of the function an authorizer's FunctionArn names (!GetAtt X.Arn or !Ref X.Alias). */
    public Optional<String> authorizerFunctionId() {
        return authorizer().map(a -> a.getValue().get("FunctionArn")).map(arn -> {
            Map<String, Object> m = map(arn);
            Object target = m.containsKey("Ref") ? m.get("Ref") : m.get("Fn::GetAtt");
            String name = target instanceof List<?> l ? String.valueOf(l.getFirst()) : String.valueOf(target);
            return name.split("\\.", 2)[0];
        });
    }

    public Map<String, Object> parameters() {
        return map(root.get("Parameters"));
    }

    /**
     * A function that is not in the template but declares these properties, with Globals merged in as
     * for every function that is (a benchmark's baseline runs with the same settings as the rest).
     */
    public Function withGlobals(String id, Map<String, Object> props) {
        Map<String, Object> merged = merged(globals, props);
        Map<String, String> env = new LinkedHashMap<>();
        map(map(globals.get("Environment")).get("Variables")).forEach((k, v) -> env.put(k, resolve(v)));
        map(map(props.get("Environment")).get("Variables")).forEach((k, v) -> env.put(k, resolve(v)));
        return new Function(id, String.valueOf(merged.get("Handler")), String.valueOf(merged.get("CodeUri")), env, merged);
    }

    private void readFunction(String id, Map<String, Object> props) {
        functions.put(id, withGlobals(id, props));
        map(props.get("Events")).forEach((name, event) -> {
            Map<String, Object> e = map(event);
            if ("DynamoDB".equals(e.get("Type"))) {
                streamSources.add(streamSource(id, name, map(e.get("Properties"))));
                return;
            }
            if ("ScheduleV2".equals(e.get("Type"))) {
                Map<String, Object> p = map(e.get("Properties"));
                schedules.add(new Schedule(id, String.valueOf(p.get("ScheduleExpression")), String.valueOf(p.get("Input"))));
                return;
            }
            if (!"HttpApi".equals(e.get("Type"))) {
                return;
            }
            Map<String, Object> p = map(e.get("Properties"));
            String path = String.valueOf(p.getOrDefault("Path", "$default"));
            String method = String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT);
            Object authorizer = map(p.get("Auth")).get("Authorizer");
            routes.add(new Route(method, path, id, !"NONE".equals(authorizer)));
        });
    }

    /**
     * A function's properties as SAM merges Globals into them: maps are merged key by key (a function's
     * LoggingConfig.LogGroup keeps the global LogFormat), anything else the function sets replaces the global.
     */
    private static Map<String, Object> merged(Map<String, Object> global, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(global);
        own.forEach((key, value) -> merged.merge(key, value, (g, o) ->
                g instanceof Map<?, ?> && o instanceof Map<?, ?> && !isIntrinsic(o) ? merged(map(g), map(o)) : o));
        return merged;
    }

    /** {"Ref": …}, {"Fn::If": …}: a value, not a map to merge into. */
    private static boolean isIntrinsic(Object value) {
        return map(value).keySet().stream().anyMatch(k -> k.equals("Ref") || k.startsWith("Fn::"));
    }

    /** Lambda's defaults where the template says nothing: 100 records, no window, retries until the records expire. */
    private static StreamSource streamSource(String functionId, String name, Map<String, Object> p) {
        List<String> patterns = new ArrayList<>();
        if (map(p.get("FilterCriteria")).get("Filters") instanceof List<?> filters) {
            filters.forEach(f -> patterns.add(String.valueOf(map(f).get("Pattern"))));
        }
        return new StreamSource(functionId, name, number(p.get("BatchSize"), 100), number(p.get("MaximumBatchingWindowInSeconds"), 0),
                String.valueOf(p.getOrDefault("StartingPosition", "TRIM_HORIZON")), List.copyOf(patterns),
                number(p.get("MaximumRetryAttempts"), -1), Boolean.TRUE.equals(p.get("BisectBatchOnFunctionError")));
    }

    private static int number(Object value, int otherwise) {
        return value instanceof Number n ? n.intValue() : otherwise;
    }

    /** The local value of an environment entry: parameters take their defaults, resources their logical id. */
    public String resolve(Object value) {
        Map<String, Object> m = map(value);
        if (m.containsKey("Ref")) {
            String ref = String.valueOf(m.get("Ref"));
            Map<String, Object> parameter = map(parameters().get(ref));
            if (!parameter.isEmpty()) {
                return String.valueOf(parameter.getOrDefault("Default", ""));
            }
            Map<String, Object> resource = resource(ref);
            Object tableName = map(resource.get("Properties")).get("TableName");
            if ("AWS::S3::Bucket".equals(resource.get("Type"))) {
                // CloudFormation names a bucket itself; S3 takes lower case only, so locally it is the id in lower case.
                Object bucketName = map(resource.get("Properties")).get("BucketName");
                return bucketName instanceof String b ? b : ref.toLowerCase(Locale.ROOT);
            }
            return tableName instanceof String s ? s : ref;
        }
        if (m.get("Fn::If") instanceof List<?> branches && branches.size() == 3) {
            return resolve(condition(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
        }
        if (m.get("Fn::Sub") instanceof String text) {
            // Parameters only: a local run has no resources with attributes to put in.
            Matcher vars = Pattern.compile("\\$\\{([A-Za-z0-9:]+)}").matcher(text);
            StringBuilder out = new StringBuilder();
            while (vars.find()) {
                vars.appendReplacement(out, Matcher.quoteReplacement(resolve(Map.of("Ref", vars.group(1)))));
            }
            return vars.appendTail(out).toString();
        }
        return m.isEmpty() ? String.valueOf(value) : m.toString();
    }

    /** A condition of the template, with every parameter at its default, as a local run has them. */
    public boolean condition(String name) {
        return truth(map(root.get("Conditions")).get(name));
    }

    private boolean truth(Object expression) {
        Map<String, Object> m = map(expression);
        if (m.get("Fn::Not") instanceof List<?> not) {
            return !truth(not.getFirst());
        }
        if (m.get("Fn::And") instanceof List<?> and) {
            return and.stream().allMatch(this::truth);
        }
        if (m.get("Fn::Or") instanceof List<?> or) {
            return or.stream().anyMatch(this::truth);
        }
        if (m.get("Fn::Equals") instanceof List<?> equals && equals.size() == 2) {
            return value(equals.get(0)).equals(value(equals.get(1)));
        }
        if (m.containsKey("Condition")) {
            return condition(String.valueOf(m.get("Condition")));
        }
        throw new IllegalStateException("a condition the local server cannot evaluate: " + expression);
    }

    /** A value inside a condition: a literal, a parameter's default, or a join of those. */
    private String value(Object expression) {
        Map<String, Object> m = map(expression);
        if (m.get("Fn::Join") instanceof List<?> join && join.size() == 2) {
            Object parts = join.get(1);
            List<?> list = parts instanceof List<?> l ? l : List.of(value(parts));
            return String.join(String.valueOf(join.get(0)), list.stream().map(this::value).toList());
        }
        return m.isEmpty() ? String.valueOf(expression) : resolve(expression);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
