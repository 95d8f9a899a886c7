package se.inlagg.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * A stand-in for the embedded S3 (being written beside this, not merged yet) on the default
 * backend: path-style buckets in memory with the calls the pictures code makes (ranged GET, copy
 * with replaced metadata and tags, tagging, delete, list) and browser uploads by presigned POST,
 * whose policy and signature it checks as S3 does. Request signatures are not checked, as the
 * embedded one does not either. With -Dinlagg.backend=localstack the same tests use LocalStack's S3.
 */
final class FakeS3 implements AutoCloseable {

    /** One stored file: its bytes, type, cache header and tags. */
    record StoredFile(byte[] bytes, String contentType, String cacheControl, Map<String, String> tags) {
    }

    private final HttpServer http;
    private final Map<String, Map<String, StoredFile>> buckets = new ConcurrentHashMap<>();

    private FakeS3(HttpServer http) {
        this.http = http;
    }

    static FakeS3 start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        FakeS3 s3 = new FakeS3(http);
        http.createContext("/", exchange -> {
            try (exchange) {
                s3.serve(exchange);
            } catch (RuntimeException e) {
                e.printStackTrace();
                send(exchange, 500, "application/xml", error("InternalError", String.valueOf(e)));
            }
        });
        http.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return s3;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String[] parts = path.substring(1).split("/", 2);
        String bucket = decode(parts[0]);
        String key = parts.length > 1 ? decode(parts[1]) : "";
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (key.isEmpty()) {
            switch (method) {
                case "PUT" -> {
                    buckets.putIfAbsent(bucket, new ConcurrentHashMap<>());
                    send(exchange, 200, null, new byte[0]);
                }
                case "POST" -> upload(exchange, bucket, body);
                case "GET" -> list(exchange, bucket, query);
                default -> send(exchange, 405, "application/xml", error("MethodNotAllowed", method));
            }
            return;
        }
        Map<String, StoredFile> files = buckets.get(bucket);
        if (files == null) {
            send(exchange, 404, "application/xml", error("NoSuchBucket", bucket));
            return;
        }
        boolean tagging = query.equals("tagging") || query.startsWith("tagging&") || query.contains("&tagging");
        switch (method) {
            case "GET", "HEAD" -> {
                StoredFile f = files.get(key);
                if (f == null) {
                    send(exchange, 404, "application/xml", method.equals("HEAD") ? new byte[0] : error("NoSuchKey", key));
                } else if (tagging) {
                    send(exchange, 200, "application/xml", tagXml(f.tags()).getBytes(StandardCharsets.UTF_8));
                } else {
                    get(exchange, f, method.equals("HEAD"));
                }
            }
            case "PUT" -> {
                String source = exchange.getRequestHeaders().getFirst("x-amz-copy-source");
                if (tagging) {
                    StoredFile f = files.get(key);
                    if (f == null) {
                        send(exchange, 404, "application/xml", error("NoSuchKey", key));
                        return;
                    }
                    files.put(key, new StoredFile(f.bytes(), f.contentType(), f.cacheControl(), tags(new String(body, StandardCharsets.UTF_8))));
                    send(exchange, 200, null, new byte[0]);
                } else if (source != null) {
                    copy(exchange, files, key, source);
                } else {
                    var h = exchange.getRequestHeaders();
                    byte[] content = String.valueOf(h.getFirst("x-amz-content-sha256")).startsWith("STREAMING") ? dechunk(body) : body;
                    files.put(key, new StoredFile(content, String.valueOf(h.getFirst("content-type")), h.getFirst("cache-control"),
                            queryTags(h.getFirst("x-amz-tagging"))));
                    exchange.getResponseHeaders().add("ETag", etag(content));
                    send(exchange, 200, null, new byte[0]);
                }
            }
            case "DELETE" -> {
                if (tagging) {
                    files.computeIfPresent(key, (k, f) -> new StoredFile(f.bytes(), f.contentType(), f.cacheControl(), Map.of()));
                } else {
                    files.remove(key);
                }
                send(exchange, 204, null, new byte[0]);
            }
            default -> send(exchange, 405, "application/xml", error("MethodNotAllowed", method));
        }
    }

    private static void get(HttpExchange exchange, StoredFile f, boolean head) throws IOException {
        var h = exchange.getResponseHeaders();
        h.add("Content-Type", f.contentType());
        h.add("ETag", etag(f.bytes()));
        if (f.cacheControl() != null) {
            h.add("Cache-Control", f.cacheControl());
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
        if (m != null && m.matches()) {
            long from = Long.parseLong(m.group(1));
            if (from >= f.bytes().length) {
                send(exchange, 416, "application/xml", error("InvalidRange", "The requested range is not satisfiable"));
                return;
            }
            long to = m.group(2).isEmpty() ? f.bytes().length - 1 : Math.min(Long.parseLong(m.group(2)), f.bytes().length - 1);
            h.add("Content-Range", "bytes " + from + "-" + to + "/" + f.bytes().length);
            byte[] part = java.util.Arrays.copyOfRange(f.bytes(), (int) from, (int) to + 1);
            send(exchange, 206, null, head ? new byte[0] : part);
            return;
        }
        send(exchange, 200, null, head ? new byte[0] : f.bytes());
    }

    private static void copy(HttpExchange exchange, Map<String, StoredFile> files, String key, String source) throws IOException {
        String from = decode(source.startsWith("/") ? source.substring(1) : source);
        String sourceKey = from.substring(from.indexOf('/') + 1);
        StoredFile f = files.get(sourceKey);
        if (f == null) {
            send(exchange, 404, "application/xml", error("NoSuchKey", sourceKey));
            return;
        }
        var h = exchange.getRequestHeaders();
        boolean replaceMetadata = "REPLACE".equals(h.getFirst("x-amz-metadata-directive"));
        boolean replaceTags = "REPLACE".equals(h.getFirst("x-amz-tagging-directive"));
        files.put(key, new StoredFile(f.bytes(), replaceMetadata ? h.getFirst("content-type") : f.contentType(),
                replaceMetadata ? h.getFirst("cache-control") : f.cacheControl(),
                replaceTags ? queryTags(h.getFirst("x-amz-tagging")) : f.tags()));
        String xml = "<CopyObjectResult><LastModified>" + Instant.now() + "</LastModified><ETag>" + etag(f.bytes())
                .replace("\"", "&quot;") + "</ETag></CopyObjectResult>";
        send(exchange, 200, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private void list(HttpExchange exchange, String bucket, String rawQuery) throws IOException {
        Map<String, StoredFile> files = buckets.getOrDefault(bucket, Map.of());
        String prefix = Gateway.query(rawQuery).getOrDefault("prefix", "");
        StringBuilder xml = new StringBuilder("<ListBucketResult><Name>" + bucket + "</Name><IsTruncated>false</IsTruncated>");
        new TreeMap<>(files).forEach((k, f) -> {
            if (k.startsWith(prefix)) {
                xml.append("<Contents><Key>").append(k).append("</Key><Size>").append(f.bytes().length).append("</Size></Contents>");
            }
        });
        send(exchange, 200, "application/xml", xml.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A browser's upload: the policy and its signature checked, then the file stored and the browser sent on. */
    private void upload(HttpExchange exchange, String bucket, byte[] body) throws IOException {
        Map<String, StoredFile> files = buckets.get(bucket);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
        if (files == null || !type.startsWith("multipart/form-data") || !boundary.find()) {
            send(exchange, 400, "application/xml", error("InvalidRequest", "a browser upload is multipart/form-data to a bucket"));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] file = null;
        for (Part p : parts(body, boundary.group(1))) {
            if (p.filename() != null && p.name().equals("file")) {
                file = p.content();
                break;
            }
            fields.put(p.name().toLowerCase(Locale.ROOT), new String(p.content(), StandardCharsets.UTF_8));
        }
        if (file == null) {
            send(exchange, 400, "application/xml", error("InvalidArgument", "POST requires exactly one file upload per request."));
            return;
        }
        fields.put("bucket", bucket);
        var refusal = PostPolicyCheck.refusal(fields, file.length, Map.of("local", "local"), Instant.now());
        if (refusal.isPresent()) {
            send(exchange, refusal.get().status(), "application/xml", error(refusal.get().code(), refusal.get().message()));
            return;
        }
        String key = fields.get("key");
        files.put(key, new StoredFile(file, fields.getOrDefault("content-type", "binary/octet-stream"), null,
                fields.containsKey("tagging") ? tags(fields.get("tagging")) : Map.of()));
        String redirect = fields.get("success_action_redirect");
        if (redirect == null) {
            send(exchange, 204, null, new byte[0]);
            return;
        }
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + encode(bucket) + "&key=" + encode(key)
                + "&etag=" + encode(etag(file));
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, 303, null, new byte[0]);
    }

    record Part(String name, String filename, byte[] content) {
    }

    /** multipart/form-data, split at its boundary: each part's name (and file name) and its bytes. */
    static List<Part> parts(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2;
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            Matcher filename = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2);
            parts.add(new Part(name.find() ? name.group(1) : "", filename.find() ? filename.group(1) : null, content));
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** aws-chunked, as the SDK streams a PutObject body: "size;chunk-signature=…" lines, then trailers. */
    static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int eol = indexOf(body, new byte[] {'\r', '\n'}, at);
            String header = new String(body, at, eol - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(header.split(";", 2)[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    static Map<String, String> tags(String xml) {
        Map<String, String> tags = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<Tag>\\s*<Key>([^<]*)</Key>\\s*<Value>([^<]*)</Value>\\s*</Tag>").matcher(xml);
        while (m.find()) {
            tags.put(m.group(1), m.group(2));
        }
        return tags;
    }

    static Map<String, String> queryTags(String header) {
        return header == null ? Map.of() : Gateway.query(header);
    }

    static String tagXml(Map<String, String> tags) {
        StringBuilder xml = new StringBuilder("<Tagging><TagSet>");
        tags.forEach((k, v) -> xml.append("<Tag><Key>").append(k).append("</Key><Value>").append(v).append("</Value></Tag>"));
        return xml.append("</TagSet></Tagging>").toString();
    }

    static String etag(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] error(String code, String message) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
