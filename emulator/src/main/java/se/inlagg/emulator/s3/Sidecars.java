package se.inlagg.emulator.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An object's sidecar file: its metadata as JSON, readable by a person looking into the data folder. */
final class Sidecars {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sidecars() {
    }

    static byte[] write(StoredObject o) throws IOException {
        ObjectNode node = JSON.createObjectNode()
                .put("key", o.key())
                .put("blob", o.blob())
                .put("size", o.size())
                .put("md5", o.md5Hex())
                .put("lastModified", o.lastModified())
                .put("contentType", o.contentType());
        node.set("headers", JSON.valueToTree(o.headers()));
        node.set("metadata", JSON.valueToTree(o.metadata()));
        node.set("tags", JSON.valueToTree(o.tags()));
        if (o.checksum() != null) {
            node.putObject("checksum").put("algorithm", o.checksum().algorithm().name()).put("value", o.checksum().value());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    }

    static StoredObject read(byte[] bytes) throws IOException {
        JsonNode n = JSON.readTree(bytes);
        JsonNode checksum = n.path("checksum");
        return new StoredObject(n.path("key").asText(), n.path("blob").asText(), n.path("size").asLong(), n.path("md5").asText(),
                n.path("lastModified").asLong(), n.path("contentType").asText(), map(n.path("headers")), map(n.path("metadata")),
                map(n.path("tags")),
                checksum.isObject() ? new StoredObject.Checksum(ChecksumAlgorithm.valueOf(checksum.path("algorithm").asText()),
                        checksum.path("value").asText()) : null);
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
