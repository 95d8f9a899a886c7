package se.inlagg.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's payload 2.0 event, read once at the edge into our own type: nothing past a
 * handler sees the event's shape. Reading the body enforces our size limit, because an HTTP API
 * has no body-size setting of its own.
 */
public final class HttpRequest {

    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final String method;
    private final String path;
    private final String routeKey;
    private final String rawQuery;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final List<String> cookies;
    private final Optional<String> body;
    private final boolean base64;
    private final String sourceIp;
    private final String requestId;
    private final String domainName;
    private final Map<String, Object> authorizer;

    private HttpRequest(Builder b) {
        this.method = b.method.toUpperCase(Locale.ROOT);
        this.path = b.path;
        this.routeKey = b.routeKey;
        this.rawQuery = b.rawQuery;
        this.pathParameters = Map.copyOf(b.pathParameters);
        this.query = Map.copyOf(b.query);
        Map<String, String> lower = new LinkedHashMap<>();
        b.headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), v, (x, y) -> x + "," + y));
        this.headers = Map.copyOf(lower);
        this.cookies = List.copyOf(b.cookies);
        this.body = b.body;
        this.base64 = b.base64;
        this.sourceIp = b.sourceIp;
        this.requestId = b.requestId;
        this.domainName = b.domainName;
        this.authorizer = Map.copyOf(b.authorizer);
    }

    /** The event as the runtime delivered it (JSON read into maps and lists). */
    @SuppressWarnings("unchecked")
    public static HttpRequest fromEvent(Map<String, Object> event) {
        Map<String, Object> context = map(event.get("requestContext"));
        Map<String, Object> http = map(context.get("http"));
        Map<String, Object> lambda = map(map(context.get("authorizer")).get("lambda"));
        Builder b = builder()
                .method(text(http.get("method")))
                .path(Optional.ofNullable(text(event.get("rawPath"))).filter(p -> !p.isEmpty()).orElse("/"))
                .routeKey(text(event.get("routeKey")))
                .rawQuery(text(event.get("rawQueryString")))
                .sourceIp(text(http.get("sourceIp")))
                .requestId(text(context.get("requestId")))
                .domainName(text(context.get("domainName")))
                .base64(Boolean.TRUE.equals(event.get("isBase64Encoded")));
        strings(event.get("pathParameters")).forEach(b::pathParameter);
        strings(event.get("queryStringParameters")).forEach(b::query);
        strings(event.get("headers")).forEach(b::header);
        if (event.get("cookies") instanceof List<?> list) {
            list.forEach(c -> b.cookie(String.valueOf(c)));
        }
        if (event.get("body") instanceof String s) {
            b.body(s);
        }
        b.authorizer.putAll(lambda);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A HEAD that API Gateway routed to a HEAD route, as the GET it asks about: the same path, headers and
     * route, so the GET's handler answers it and no handler needs to know HEAD. Any other request (a HEAD
     * that reached the fallback's ANY route included, which says HEAD is not allowed) as it is.
     */
    public HttpRequest headAsGet() {
        if (!method.equals("HEAD") || !routeKey.startsWith("HEAD ")) {
            return this;
        }
        return toBuilder().method("GET").routeKey("GET " + routeKey.substring("HEAD ".length())).build();
    }

    /** A builder holding this request, to make one that differs in a part. */
    public Builder toBuilder() {
        Builder b = builder().method(method).path(path).routeKey(routeKey).rawQuery(rawQuery).base64(base64).sourceIp(sourceIp)
                .requestId(requestId).domainName(domainName);
        pathParameters.forEach(b::pathParameter);
        query.forEach(b::query);
        headers.forEach(b::header);
        cookies.forEach(b::cookie);
        body.ifPresent(b::body);
        b.authorizer.putAll(authorizer);
        return b;
    }

    public String method() {
        return method;
    }

    /** A GET or HEAD: asks for what is there and changes nothing. */
    public boolean isRead() {
        return method.equals("GET") || method.equals("HEAD");
    }

    public String path() {
        return path;
    }

    /** The route API Gateway matched: "GET /api/posts", or "$default" where none did. */
    public String routeKey() {
        return routeKey;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    /**
     * A query value, decoded; API Gateway joins a repeated key's values with commas, so a value a client
     * sends (a list's or a search's parameters) is read with {@link #strictQuery}, which tells the two apart.
     */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * A query value read strictly from the raw query string: escapes decoded to bytes, and bytes that
     * are not UTF-8 refused (400) rather than quietly replaced with U+FFFD. A name given twice is
     * refused (400) too: API Gateway joins the values with a comma, so ?author=asa&author=oberg would
     * read as one name and find Åsa Öberg's posts, and ?limit=1&limit=1 would be "not a number";
     * taking one of them would answer a question the client did not ask. A name is matched as it is sent,
     * never decoded: CloudFront keys a page by the parameters it reads, named as the request names them, so
     * ?%71=… (an escaped q) read as q would be another page under the key of the plain address, kept there for
     * every reader (found by a review); no parameter the site reads has a character to escape. Where a request
     * has no raw query (one built by a test), API Gateway's decoded value.
     */
    public Optional<String> strictQuery(String name) {
        if (rawQuery.isEmpty()) {
            return query(name);
        }
        Optional<String> found = Optional.empty();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (nameOf(pair).equals(name)) {
                if (found.isPresent()) {
                    throw new ProblemException(Problems.repeatedParameter(name));
                }
                found = Optional.of(percentDecoded(eq < 0 ? "" : pair.substring(eq + 1))
                        .orElseThrow(() -> new ProblemException(Problems.malformed("The query string is not valid UTF-8."))));
            }
        }
        return found;
    }

    /**
     * Whether the raw query names a parameter by an escape or a plus ({@code %71=…}): no name the site reads is so
     * spelled, and an edge that read it as the name it stands for would key the answer under another address than the
     * functions read it as; such an answer is stored nowhere ({@link Caching#publicly}).
     */
    public boolean namesAParameterByAnEscape() {
        for (String pair : rawQuery.split("&")) {
            String key = nameOf(pair);
            if (key.indexOf('%') >= 0 || key.indexOf('+') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A raw query pair's name, as sent. */
    private static String nameOf(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? pair : pair.substring(0, eq);
    }

    /**
     * Form encoding ("+" is a space) to bytes, then strict UTF-8; empty when either is broken, never a guess nor U+FFFD.
     * Text not encoded is taken as it is (curl -d "title=Månad", a script), as the URL-encoded form's standard (WHATWG)
     * reads it. A query's values and a form's fields (web.FormData) are read so.
     */
    public static Optional<String> percentDecoded(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < encoded.length() ? hexDigit(encoded.charAt(i + 1)) : -1;
                int lo = i + 2 < encoded.length() ? hexDigit(encoded.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < encoded.length() && Character.isLowSurrogate(encoded.charAt(i + 1))) {
                bytes.writeBytes(encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.empty();
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return Utf8.decode(bytes.toByteArray());
    }

    /** An ASCII hex digit's value, -1 for any other character: Character.digit takes fullwidth and other scripts' digits too. */
    private static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /** A header by name, any case; repeated headers arrive joined by commas. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public List<String> cookies() {
        return cookies;
    }

    /** The value of the first cookie with this name. */
    public Optional<String> cookie(String name) {
        for (String cookie : cookies) {
            int eq = cookie.indexOf('=');
            if (eq > 0 && cookie.substring(0, eq).strip().equals(name)) {
                return Optional.of(cookie.substring(eq + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** The client's address as API Gateway saw it (not a header the client could set). */
    public String sourceIp() {
        return sourceIp;
    }

    public String requestId() {
        return requestId;
    }

    /** The host name API Gateway answered on, as API Gateway reports it (not the client's Host header). */
    public String domainName() {
        return domainName;
    }

    /** Whether the client reached us over https (API Gateway and CloudFront say so; the local server is http). */
    public boolean https() {
        return header("x-forwarded-proto").map(p -> p.equalsIgnoreCase("https")).orElse(false);
    }

    /** The author the Lambda authorizer let in; only routes behind the authorizer have one. */
    public Optional<String> authorId() {
        return authorizer.get("authorId") instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /** The author id on a route the authorizer guards: without one the template is mis-wired. */
    public String requiredAuthorId() {
        return authorId().orElseThrow(() -> new IllegalStateException(
                "no authorizer context on " + routeKey + ": is its Auth in template.yaml right?"));
    }

    /** The body as bytes, after base64 decoding; refused with 413 past our limit. */
    public byte[] bodyBytes() {
        if (body.isEmpty()) {
            return new byte[0];
        }
        String text = body.get();
        if (base64) {
            if (text.length() > (MAX_BODY_BYTES / 3 + 1) * 4) {
                throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
            }
            try {
                return checkSize(Base64.getDecoder().decode(text));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Problems.malformed("The body is not valid base64."));
            }
        }
        if (text.length() > MAX_BODY_BYTES) {
            throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
        }
        return checkSize(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as strict UTF-8 text: bytes that are not UTF-8 are refused, never replaced. */
    public String bodyText() {
        return Utf8.decode(bodyBytes())
                .orElseThrow(() -> new ProblemException(Problems.malformed("The body is not valid UTF-8.")));
    }

    /** The media type of the body, lower case, without parameters. */
    public String mediaType() {
        return header("content-type").orElse("").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static byte[] checkSize(byte[] bytes) {
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        map(value).forEach((k, v) -> {
            if (v != null) {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** Builds requests: the event reader uses it, and so do tests and the local tools. */
    public static final class Builder {
        private String method = "GET";
        private String path = "/";
        private String routeKey = "";
        private String rawQuery = "";
        private final Map<String, String> pathParameters = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final ArrayList<String> cookies = new ArrayList<>();
        private Optional<String> body = Optional.empty();
        private boolean base64;
        private String sourceIp = "";
        private String requestId = "";
        private String domainName = "";
        private final Map<String, Object> authorizer = new LinkedHashMap<>();

        public Builder method(String v) {
            method = v;
            return this;
        }

        public Builder path(String v) {
            path = v;
            return this;
        }

        public Builder routeKey(String v) {
            routeKey = v;
            return this;
        }

        public Builder rawQuery(String v) {
            rawQuery = v;
            return this;
        }

        public Builder pathParameter(String k, String v) {
            pathParameters.put(k, v);
            return this;
        }

        public Builder query(String k, String v) {
            query.put(k, v);
            return this;
        }

        public Builder header(String k, String v) {
            headers.put(k, v);
            return this;
        }

        public Builder cookie(String v) {
            cookies.add(v);
            return this;
        }

        public Builder body(String v) {
            body = Optional.of(v);
            return this;
        }

        public Builder base64(boolean v) {
            base64 = v;
            return this;
        }

        public Builder sourceIp(String v) {
            sourceIp = v;
            return this;
        }

        public Builder requestId(String v) {
            requestId = v;
            return this;
        }

        public Builder domainName(String v) {
            domainName = v;
            return this;
        }

        public Builder authorId(String v) {
            authorizer.put("authorId", v);
            return this;
        }

        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
