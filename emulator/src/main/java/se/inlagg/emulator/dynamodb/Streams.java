package se.inlagg.emulator.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every stream the emulator knows, current and disabled, and which one is each table's current stream. */
final class Streams {

    private final Map<String, StreamLog> byArn = new LinkedHashMap<>();
    private final Map<String, StreamLog> current = new HashMap<>();

    /** Follows a table's new definition: opens a stream, closes one, or both when the label changed. */
    void follow(TableDefinition before, TableDefinition after, long sequence) {
        String oldLabel = before == null || before.stream() == null ? null : before.stream().label();
        String newLabel = after == null || after.stream() == null ? null : after.stream().label();
        if (Objects.equals(oldLabel, newLabel)) {
            return;
        }
        if (oldLabel != null) {
            StreamLog log = current.remove(before.name());
            if (log != null) {
                log.close(sequence);
            }
        }
        if (newLabel != null) {
            StreamLog log = new StreamLog(after, sequence);
            byArn.put(log.arn(), log);
            current.put(after.name(), log);
        }
    }

    void record(String table, long sequence, long at, Map<String, Value> keys, Map<String, Value> old, Map<String, Value> item) {
        StreamLog log = current.get(table);
        if (log != null) {
            log.add(sequence, at, keys, old, item);
        }
    }

    StreamLog byArn(String arn) {
        StreamLog log = byArn.get(arn);
        if (log == null) {
            throw ServiceError.notFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return log;
    }

    List<StreamLog> all() {
        return new ArrayList<>(byArn.values());
    }
}
