package se.inlagg.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small HTTP client for tests against a running local server. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What came back: status, headers and the body as text and, where it is JSON, as a tree. */
    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return Http.json(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A JSON text as a tree; a text that is not JSON fails the test, saying what it was. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    Http(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    Reply getAs(String path, String bearer) {
        return send("GET", path, null, null, bearer);
    }

    /** A JSON write as the dev author. */
    Reply write(String method, String path, String json) {
        return send(method, path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8), token);
    }

    Reply send(String method, String path, String contentType, byte[] body, String bearer) {
        return send(method, path, contentType, body, bearer, Map.of());
    }

    /** A request as the dev author with extra headers (If-Match, Idempotency-Key, …). */
    Reply sendWith(String method, String path, String contentType, String body, Map<String, String> headers) {
        return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), token, headers);
    }

    Reply send(String method, String path, String contentType, byte[] body, String bearer, Map<String, String> headers) {
        var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type") || contentType == null) {
                b.header(k, v);
            }
        });
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * A request written byte for byte on a socket, for what HttpClient will not send (control
     * characters or raw UTF-8 in a header). Answers the status and the body.
     */
    Reply socket(String method, String path, List<String> headerLines, byte[] body) {
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            boolean hostGiven = headerLines.stream().anyMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5));
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n"
                    + (hostGiven ? "" : "Host: " + base.getHost() + "\r\n") + "Connection: close\r\n");
            headerLines.forEach(h -> head.append(h).append("\r\n"));
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String responseBody = response.substring(response.indexOf("\r\n\r\n") + 4);
            var headers = HttpHeaders.of(Map.of(), (a, b) -> true);
            return new Reply(status, headers, responseBody);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    /** A request with exactly these headers and no author token (pages, forms, cookies). */
    Reply raw(String method, String path, Map<String, String> headers, String body) {
        return send(method, path, null, body == null ? null : body.getBytes(StandardCharsets.UTF_8), null, headers);
    }

    /** A form post, as a browser sends it. */
    Reply form(String path, String cookie, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        return send("POST", path, null, body.toString().getBytes(StandardCharsets.UTF_8), null, headers);
    }

    /** The sign-in form as a browser gets it: its token, and the cookie that must come back with it. */
    record SignInForm(String cookie, String csrf) {
    }

    SignInForm signInForm(Map<String, String> headers) {
        Reply form = send("GET", "/signin", null, null, null, headers);
        String setCookie = form.headers().allValues("set-cookie").stream().filter(c -> c.contains("inlagg_signin="))
                .findFirst().orElseThrow(() -> new AssertionError("the sign-in form sets no token cookie: " + form.headers()));
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("the sign-in form carries no token: " + form.body());
        }
        return new SignInForm(setCookie.split(";", 2)[0], csrf.group(1));
    }

    /** Signs in as a browser does: the form first, then the token typed into it, with the form's own token and cookie. */
    Reply signIn(String token) {
        return signIn(token, Map.of());
    }

    Reply signIn(String token, Map<String, String> headers) {
        return signIn(token, headers, null);
    }

    /** Signs in from the form a page sent the browser to, to go back there ({@code next}, as the form carries it). */
    Reply signIn(String token, Map<String, String> headers, String next) {
        SignInForm form = signInForm(headers);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Cookie", form.cookie());
        all.put("Content-Type", "application/x-www-form-urlencoded");
        String body = "csrf=" + URLEncoder.encode(form.csrf(), StandardCharsets.UTF_8)
                + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        return send("POST", "/signin", null, body.getBytes(StandardCharsets.UTF_8), null, all);
    }

    /**
     * A browser's upload straight to the bucket: the form's fields in their order, then the file, as
     * multipart/form-data to an absolute address (the bucket's, not this server's). Redirects are not followed.
     */
    Reply multipart(URI url, Map<String, String> fields, String filename, String fileType, byte[] file) {
        String boundary = "----inlagg" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v
                + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A GET of an absolute address (a presigned one), its body as bytes. */
    HttpResponse<byte[]> fetch(URI url) {
        try {
            return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The session cookie ("name=value") a successful sign-in set. */
    static String sessionCookie(Reply signedIn) {
        return signedIn.headers().allValues("set-cookie").stream().filter(c -> c.contains("inlagg_session="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers())).split(";", 2)[0];
    }

    /**
     * A post's create body with a byline of its own (role Frivårdsinspektör), a status and, when
     * given, a date; tests add what else they need (an image) before sending it.
     */
    static ObjectNode post(String title, String body, String publishedAt, String author,
                                                             String office, String status, String... tags) {
        var node = JSON.createObjectNode();
        node.put("title", title);
        node.put("body", body);
        node.putObject("author").put("name", author).put("role", "Frivårdsinspektör").put("office", office);
        var list = node.putArray("tags");
        for (String t : tags) {
            list.add(t);
        }
        if (publishedAt != null) {
            node.put("publishedAt", publishedAt);
        }
        node.put("status", status);
        return node;
    }

    /** Creates the post this body describes as the dev author; it must be created (201). */
    JsonNode created(ObjectNode post) {
        Reply reply = write("POST", "/api/posts", post.toString());
        if (reply.status() != 201) {
            throw new AssertionError("not created (" + reply.status() + "): " + reply.body());
        }
        return reply.json();
    }

    /** Creates a post from parts; answers the reply so tests can check status and body. */
    Reply createPost(String title, String publishedAt, String... tags) {
        var node = JSON.createObjectNode();
        node.put("title", title);
        node.put("body", "Text om " + title + ".\n\n- första punkten\n- andra punkten");
        node.putObject("author").put("name", "Åsa Öberg").put("role", "Frivårdsinspektör").put("office", "Malmö");
        var list = node.putArray("tags");
        for (String t : tags) {
            list.add(t);
        }
        if (publishedAt != null) {
            node.put("publishedAt", publishedAt);
        }
        return write("POST", "/api/posts", node.toString());
    }
}
