package se.inlagg.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import se.inlagg.local.Router;
import se.inlagg.local.Template;

/**
 * The events/ files, each given to the function it belongs to: an HTTP event to the function whose
 * route its routeKey names (as API Gateway matched it; "$default" and ANY routes included), the
 * authorizer's REQUEST event to the authorizer function, a batch of stream records to every function
 * the template feeds from the table's stream, a schedule's input to every function it invokes (after
 * the function's other events, so the first of them is still a request or a batch). An event whose routeKey names no route, or
 * whose method and path API Gateway would route elsewhere, is a problem of its own.
 */
final class EventCatalog {

    private final List<ReplayEvent> events;
    private final List<String> problems;

    private EventCatalog(List<ReplayEvent> events, List<String> problems) {
        this.events = events;
        this.problems = problems;
    }

    static EventCatalog read(Path dir, Template template) {
        Router router = new Router(template.routes());
        List<ReplayEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<ReplayEvent> scheduled = new ArrayList<>();
        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            ObjectNode json = readObject(file);
            if (json.has("Records")) {
                // A batch of the table's stream records: for every function the template feeds from the stream.
                if (template.streamSources().isEmpty()) {
                    problems.add(name + " is a stream batch, but no function of template.yaml reads the table's stream");
                }
                template.streamSources().forEach(s -> events.add(new ReplayEvent(name, json, s.functionId(), Optional.empty())));
                continue;
            }
            List<Template.Schedule> sending = template.schedules().stream().filter(sc -> json.equals(inputOf(sc))).toList();
            if (!sending.isEmpty()) {
                // What a schedule sends: for every function it invokes, after that function's other events.
                sending.forEach(sc -> scheduled.add(new ReplayEvent(name, json, sc.functionId(), Optional.empty())));
                continue;
            }
            if ("REQUEST".equals(json.path("type").asText()) && json.has("identitySource")) {
                template.authorizerFunctionId().ifPresentOrElse(
                        id -> events.add(new ReplayEvent(name, json, id, Optional.empty())),
                        () -> problems.add(name + " is an authorizer event, but the template has no authorizer"));
                continue;
            }
            String routeKey = json.path("routeKey").asText();
            Optional<Template.Route> route = template.routes().stream().filter(r -> r.key().equals(routeKey)).findFirst();
            if (route.isEmpty()) {
                problems.add(name + " names routeKey \"" + routeKey + "\", which no function of template.yaml has");
                continue;
            }
            var event = new ReplayEvent(name, json, route.get().functionId(), route);
            String routed = router.match(event.method(), event.rawPath()).map(m -> m.route().key()).orElse("(nothing)");
            if (!routed.equals(routeKey)) {
                problems.add(name + ": API Gateway would route " + event.method() + " " + event.rawPath() + " to \"" + routed
                        + "\", not to its routeKey \"" + routeKey + "\"");
            }
            events.add(event);
        }
        events.addAll(scheduled);
        return new EventCatalog(List.copyOf(events), List.copyOf(problems));
    }

    private static JsonNode inputOf(Template.Schedule schedule) {
        try {
            return Json.MAPPER.readTree(schedule.input());
        } catch (IOException e) {
            throw new IllegalStateException(schedule.functionId() + "'s schedule sends no JSON: " + schedule.input(), e);
        }
    }

    List<ReplayEvent> all() {
        return events;
    }

    /** A function's events, in file name order. */
    List<ReplayEvent> of(String functionId) {
        return events.stream().filter(e -> e.functionId().equals(functionId)).toList();
    }

    List<String> problems() {
        return problems;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode readObject(Path file) {
        try {
            if (Json.MAPPER.readTree(file.toFile()) instanceof ObjectNode o) {
                return o;
            }
            throw new IllegalStateException(file + " is not a JSON object");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
