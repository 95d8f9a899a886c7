package se.inlagg.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body built by hand, as a browser sends an HTML form: the fields in order, the file last. */
final class MultipartForm {

    private final String boundary = "----InlaggFormBoundary" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, String> fields = new LinkedHashMap<>();

    MultipartForm field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    MultipartForm fields(Map<String, String> more) {
        fields.putAll(more);
        return this;
    }

    MultipartForm without(String name) {
        fields.remove(name);
        return this;
    }

    byte[] body(String filename, String contentType, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            write(out, value + "\r\n");
        });
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(file);
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    HttpResponse<String> post(URI action, String filename, String contentType, byte[] file) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(action)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(filename, contentType, file)))
                .build();
        return S3Contract.http().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
