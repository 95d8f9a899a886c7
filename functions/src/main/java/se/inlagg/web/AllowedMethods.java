package se.inlagg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The methods each routed path answers (allowed-methods.properties, which a test checks against template.yaml), and
 * which of those paths an address is: matched as API Gateway matches a route, a {variable} standing for one segment
 * that is not empty, and the path with the most literal segments winning where two match.
 */
final class AllowedMethods {

    private record Route(List<String> segments, String methods) {
        int literals() {
            return (int) segments.stream().filter(s -> !s.startsWith("{")).count();
        }

        boolean matches(List<String> path) {
            if (path.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < path.size(); i++) {
                String pattern = segments.get(i);
                boolean variable = pattern.startsWith("{") && pattern.endsWith("}");
                if (variable ? path.get(i).isEmpty() : !pattern.equals(path.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Route> ROUTES = load();

    private AllowedMethods() {
    }

    /** The methods of the routed path this address is ("GET, HEAD"), or empty where the site routes no such path. */
    static Optional<String> at(String path) {
        List<String> segments = segments(path);
        Route best = null;
        for (Route route : ROUTES) {
            if (route.matches(segments) && (best == null || route.literals() > best.literals())) {
                best = route;
            }
        }
        return Optional.ofNullable(best).map(Route::methods);
    }

    /** Whether a page is read (GET) at this address: a routed path that answers GET. */
    static boolean readAt(String path) {
        return at(path).filter(methods -> List.of(methods.split(",\\s*")).contains("GET")).isPresent();
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    private static List<Route> load() {
        Properties methods = new Properties();
        try (InputStream in = AllowedMethods.class.getResourceAsStream("/allowed-methods.properties")) {
            methods.load(Objects.requireNonNull(in, "allowed-methods.properties is not packaged"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Route> routes = new ArrayList<>();
        methods.forEach((path, allowed) -> routes.add(new Route(segments((String) path), (String) allowed)));
        return List.copyOf(routes);
    }
}
