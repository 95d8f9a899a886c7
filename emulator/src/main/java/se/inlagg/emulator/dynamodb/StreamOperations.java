package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords, one shard per stream. */
final class StreamOperations {

    private static final int MAX_RECORDS = 1000;
    private static final int PAGE_BYTES = 1024 * 1024;

    private final Database db;

    StreamOperations(Database db) {
        this.db = db;
    }

    ObjectNode listStreams(JsonNode r) {
        String table = r.path("TableName").asText(null);
        int limit = r.path("Limit").asInt(100);
        String after = r.path("ExclusiveStartStreamArn").asText(null);
        return db.reading(() -> {
            if (table != null) {
                db.table(table);
            }
            ObjectNode response = Json.MAPPER.createObjectNode();
            ArrayNode streams = response.putArray("Streams");
            boolean skipping = after != null;
            String last = null;
            for (StreamLog log : db.streams().all()) {
                if (skipping) {
                    skipping = !log.arn().equals(after);
                    continue;
                }
                if (table != null && !log.tableName().equals(table)) {
                    continue;
                }
                if (streams.size() == limit) {
                    response.put("LastEvaluatedStreamArn", last);
                    break;
                }
                streams.addObject().put("StreamArn", log.arn()).put("TableName", log.tableName()).put("StreamLabel", log.label());
                last = log.arn();
            }
            return response;
        });
    }

    ObjectNode describeStream(JsonNode r) {
        return db.reading(() -> {
            StreamLog log = db.streams().byArn(r.path("StreamArn").asText());
            ObjectNode response = Json.MAPPER.createObjectNode();
            ObjectNode d = response.putObject("StreamDescription");
            d.put("StreamArn", log.arn());
            d.put("StreamLabel", log.label());
            d.put("StreamStatus", log.enabled() ? "ENABLED" : "DISABLED");
            d.put("StreamViewType", log.viewType());
            d.put("CreationRequestDateTime", StreamLog.labelMillis(log.label()) / 1000.0);
            d.put("TableName", log.tableName());
            d.set("KeySchema", log.key().json());
            ObjectNode shard = d.putArray("Shards").addObject();
            shard.put("ShardId", log.shardId());
            ObjectNode range = shard.putObject("SequenceNumberRange");
            range.put("StartingSequenceNumber", ShardIterator.sequenceText(log.horizon()));
            if (!log.enabled() && log.lastSequence() >= 0) {
                range.put("EndingSequenceNumber", ShardIterator.sequenceText(log.lastSequence()));
            }
            return response;
        });
    }

    ObjectNode getShardIterator(JsonNode r) {
        return db.reading(() -> {
            StreamLog log = db.streams().byArn(r.path("StreamArn").asText());
            if (!log.shardId().equals(r.path("ShardId").asText())) {
                throw ServiceError.notFound("Requested resource not found: Shard: " + r.path("ShardId").asText() + " in Stream: " + log.arn() + " not found");
            }
            String type = r.path("ShardIteratorType").asText();
            long position = switch (type) {
                case "TRIM_HORIZON" -> log.horizon();
                case "LATEST" -> db.nextSequence();
                case "AT_SEQUENCE_NUMBER" -> sequence(r);
                case "AFTER_SEQUENCE_NUMBER" -> sequence(r) + 1;
                default -> throw ServiceError.validation("1 validation error detected: Value '" + type
                        + "' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
            };
            if (position < log.horizon()) {
                throw trimmed(log, position);
            }
            ObjectNode response = Json.MAPPER.createObjectNode();
            response.put("ShardIterator", new ShardIterator(log.arn(), position, db.now()).encode());
            return response;
        });
    }

    private static long sequence(JsonNode r) {
        if (!r.hasNonNull("SequenceNumber")) {
            throw ServiceError.validation("A SequenceNumber is required for the AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER iterator types");
        }
        return ShardIterator.sequenceOf(r.get("SequenceNumber").asText());
    }

    ObjectNode getRecords(JsonNode r) {
        int limit = r.path("Limit").asInt(MAX_RECORDS);
        if (limit < 1 || limit > MAX_RECORDS) {
            throw ServiceError.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000");
        }
        ShardIterator iterator = ShardIterator.decode(r.path("ShardIterator").asText(""));
        return db.reading(() -> {
            long now = db.now();
            if (now - iterator.issuedMillis() > ShardIterator.LIFETIME_MILLIS) {
                throw ServiceError.of("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                        + Instant.ofEpochMilli(iterator.issuedMillis()) + " while right now it is " + Instant.ofEpochMilli(now)
                        + ". The iterator expires 15 minutes after it is created.");
            }
            StreamLog log = db.streams().byArn(iterator.streamArn());
            if (iterator.position() < log.horizon()) {
                throw trimmed(log, iterator.position());
            }
            List<StreamRecord> records = log.from(iterator.position(), limit);
            ObjectNode response = Json.MAPPER.createObjectNode();
            ArrayNode out = response.putArray("Records");
            long next = iterator.position();
            long bytes = 0;
            for (StreamRecord record : records) {
                if (bytes >= PAGE_BYTES) {
                    break;
                }
                out.add(json(record, log));
                bytes += record.sizeBytes();
                next = record.sequence() + 1;
            }
            if (!log.exhausted(next)) {
                response.put("NextShardIterator", new ShardIterator(log.arn(), next, now).encode());
            }
            return response;
        });
    }

    private static ServiceError trimmed(StreamLog log, long position) {
        return ServiceError.of("TrimmedDataAccessException", "The requested sequence number " + ShardIterator.sequenceText(position)
                + " is beyond the trim horizon of the shard " + log.shardId() + " (oldest available: " + ShardIterator.sequenceText(log.horizon()) + ")");
    }

    private static ObjectNode json(StreamRecord record, StreamLog log) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("eventID", UUID.nameUUIDFromBytes(ByteBuffer.allocate(8).putLong(record.sequence()).array()).toString().replace("-", ""));
        n.put("eventName", record.eventName());
        n.put("eventVersion", "1.1");
        n.put("eventSource", "aws:dynamodb");
        n.put("awsRegion", log.region());
        ObjectNode d = n.putObject("dynamodb");
        d.put("ApproximateCreationDateTime", record.atMillis() / 1000);
        d.set("Keys", AttributeJson.json(record.keys()));
        if (record.newImage() != null) {
            d.set("NewImage", AttributeJson.json(record.newImage()));
        }
        if (record.oldImage() != null) {
            d.set("OldImage", AttributeJson.json(record.oldImage()));
        }
        d.put("SequenceNumber", ShardIterator.sequenceText(record.sequence()));
        d.put("SizeBytes", record.sizeBytes());
        d.put("StreamViewType", log.viewType());
        return n;
    }
}
