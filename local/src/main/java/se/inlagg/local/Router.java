package se.inlagg.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a route as API Gateway HTTP APIs do: the most specific path wins (literal segments
 * before {variables} before {greedy+}); on that path an exact method wins over ANY; what nothing
 * matches goes to $default.
 */
public final class Router {

    /** A matched route with its decoded path parameters. */
    public record Match(Template.Route route, Map<String, String> pathParameters) {
    }

    private final List<Template.Route> routes;

    public Router(List<Template.Route> routes) {
        this.routes = routes;
    }

    public Optional<Match> match(String method, String rawPath) {
        String[] segments = split(rawPath);
        Optional<Match> best = routes.stream()
                .filter(r -> !r.path().equals("$default"))
                .filter(r -> r.method().equals(method) || r.method().equals("ANY"))
                .map(r -> bind(r, segments))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt((Match m) -> specificity(m.route().path()))
                        .thenComparing(m -> m.route().method().equals("ANY") ? 0 : 1));
        if (best.isPresent()) {
            return best;
        }
        return routes.stream().filter(r -> r.path().equals("$default")).findFirst()
                .map(r -> new Match(r, Map.of()));
    }

    private static Optional<Match> bind(Template.Route route, String[] segments) {
        String[] pattern = split(route.path());
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i >= segments.length) {
                    return Optional.empty();
                }
                String rest = String.join("/", Arrays.copyOfRange(segments, i, segments.length));
                params.put(p.substring(1, p.length() - 2), decode(rest));
                return Optional.of(new Match(route, params));
            }
            if (i >= segments.length) {
                return Optional.empty();
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(p.substring(1, p.length() - 1), decode(segments[i]));
            } else if (!p.equals(segments[i])) {
                return Optional.empty();
            }
        }
        return pattern.length == segments.length ? Optional.of(new Match(route, params)) : Optional.empty();
    }

    /** Literal segments count most, variables less, a greedy variable least. */
    private static int specificity(String path) {
        int score = 0;
        for (String p : split(path)) {
            score += p.endsWith("+}") ? 1 : p.startsWith("{") ? 10 : 100;
        }
        return score;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    /** API Gateway hands handlers decoded path parameters ("%C3%A5" becomes "å", "%2F" becomes "/"). */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
