package se.inlagg.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/** A bucket's CORS configuration: its rules, checked as S3 checks them on PUT, and matched as S3 matches a request. */
final class CorsRules {

    private static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "DELETE");
    private static final int MAX_RULES = 100;

    /** One {@code <CORSRule>}; {@code maxAge} is null when the rule gives none. */
    record Rule(String id, List<String> origins, List<String> methods, List<String> headers, List<String> expose, Integer maxAge) {

        boolean allowsOrigin(String origin) {
            return origins.stream().anyMatch(pattern -> wildcard(pattern, origin, false));
        }

        boolean allowsHeaders(List<String> requested) {
            return requested.stream().allMatch(h -> headers.stream().anyMatch(pattern -> wildcard(pattern, h, true)));
        }

        boolean anyOrigin() {
            return origins.contains("*");
        }
    }

    private final List<Rule> rules;

    private CorsRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static CorsRules parse(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body, "CORSConfiguration");
        List<Rule> rules = new ArrayList<>();
        for (Element rule : XmlDocument.children(doc.root(), "CORSRule")) {
            List<String> origins = XmlDocument.texts(rule, "AllowedOrigin");
            List<String> methods = XmlDocument.texts(rule, "AllowedMethod");
            if (origins.isEmpty() || methods.isEmpty()) {
                throw S3Error.malformedXml();
            }
            for (String m : methods) {
                if (!METHODS.contains(m)) {
                    throw S3Error.invalidRequest("Found unsupported HTTP method in CORS config. Unsupported method is " + m);
                }
            }
            for (String o : origins) {
                if (o.indexOf('*') != o.lastIndexOf('*')) {
                    throw S3Error.invalidRequest("AllowedOrigin \"" + o + "\" can not have more than one wildcard.");
                }
            }
            String maxAge = XmlDocument.text(rule, "MaxAgeSeconds");
            Integer age;
            try {
                age = maxAge == null ? null : Integer.valueOf(maxAge.strip());
            } catch (NumberFormatException e) {
                throw S3Error.malformedXml();
            }
            rules.add(new Rule(XmlDocument.text(rule, "ID"), origins, methods, XmlDocument.texts(rule, "AllowedHeader"),
                    XmlDocument.texts(rule, "ExposeHeader"), age));
        }
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw S3Error.malformedXml();
        }
        return new CorsRules(rules);
    }

    XmlWriter xml() {
        XmlWriter xml = new XmlWriter().open("CORSConfiguration");
        for (Rule r : rules) {
            xml.open("CORSRule").element("ID", r.id());
            r.headers().forEach(h -> xml.element("AllowedHeader", h));
            r.methods().forEach(m -> xml.element("AllowedMethod", m));
            r.origins().forEach(o -> xml.element("AllowedOrigin", o));
            r.expose().forEach(h -> xml.element("ExposeHeader", h));
            xml.element("MaxAgeSeconds", r.maxAge()).close();
        }
        return xml.close();
    }

    String text() {
        return new String(xml().bytes(), StandardCharsets.UTF_8);
    }

    /** The first rule that allows this origin, method and request headers, as S3 picks it; or null. */
    Rule match(String origin, String method, List<String> requestHeaders) {
        for (Rule r : rules) {
            if (r.allowsOrigin(origin) && r.methods().contains(method) && r.allowsHeaders(requestHeaders)) {
                return r;
            }
        }
        return null;
    }

    /** A CORS pattern with at most one '*', which stands for any run of characters. */
    private static boolean wildcard(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int star = p.indexOf('*');
        if (star < 0) {
            return p.equals(v);
        }
        String before = p.substring(0, star);
        String after = p.substring(star + 1);
        return v.length() >= before.length() + after.length() && v.startsWith(before) && v.endsWith(after);
    }
}
