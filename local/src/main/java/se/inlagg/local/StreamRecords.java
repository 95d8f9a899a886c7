package se.inlagg.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * DynamoDB Streams records as Lambda hands them to a function (the DynamodbEvent JSON): the record's
 * fields, its keys and images in DynamoDB's attribute-value JSON, the creation time in epoch seconds,
 * and the stream's ARN as the event source.
 */
final class StreamRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecords() {
    }

    static ObjectNode event(List<JsonNode> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode list = event.putArray("Records");
        records.forEach(list::add);
        return event;
    }

    static ObjectNode record(Record r, String streamArn) {
        ObjectNode out = JSON.createObjectNode();
        out.put("eventID", r.eventID());
        out.put("eventName", r.eventNameAsString());
        out.put("eventVersion", r.eventVersion() == null ? "1.1" : r.eventVersion());
        out.put("eventSource", "aws:dynamodb");
        out.put("awsRegion", r.awsRegion() == null ? LocalDynamo.REGION : r.awsRegion());
        StreamRecord d = r.dynamodb();
        ObjectNode dynamodb = out.putObject("dynamodb");
        if (d.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", d.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", item(d.keys()));
        if (d.hasNewImage()) {
            dynamodb.set("NewImage", item(d.newImage()));
        }
        if (d.hasOldImage()) {
            dynamodb.set("OldImage", item(d.oldImage()));
        }
        dynamodb.put("SequenceNumber", d.sequenceNumber());
        if (d.sizeBytes() != null) {
            dynamodb.put("SizeBytes", d.sizeBytes());
        }
        dynamodb.put("StreamViewType", d.streamViewTypeAsString());
        out.put("eventSourceARN", streamArn);
        return out;
    }

    static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode out = JSON.createObjectNode();
        item.forEach((name, value) -> out.set(name, value(value)));
        return out;
    }

    /** By which member is set, not by type(): an empty list or map read from the wire is a type the SDK leaves unknown. */
    private static ObjectNode value(AttributeValue v) {
        ObjectNode out = JSON.createObjectNode();
        if (v.s() != null) {
            out.put("S", v.s());
        } else if (v.n() != null) {
            out.put("N", v.n());
        } else if (v.b() != null) {
            out.put("B", base64(v.b()));
        } else if (v.bool() != null) {
            out.put("BOOL", v.bool());
        } else if (Boolean.TRUE.equals(v.nul())) {
            out.put("NULL", true);
        } else if (v.hasSs()) {
            v.ss().forEach(out.putArray("SS")::add);
        } else if (v.hasNs()) {
            v.ns().forEach(out.putArray("NS")::add);
        } else if (v.hasBs()) {
            ArrayNode list = out.putArray("BS");
            v.bs().forEach(b -> list.add(base64(b)));
        } else if (v.hasM()) {
            out.set("M", item(v.m()));
        } else {
            ArrayNode list = out.putArray("L");
            if (v.hasL()) {
                v.l().forEach(e -> list.add(value(e)));
            }
        }
        return out;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
