package se.inlagg.emulator.dynamodb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One table stream with its single shard: the records since the emulator started (rebuilt from the
 * journal) and younger than 24 hours. Records below {@link #horizon()} are gone (trimmed).
 */
final class StreamLog {

    static final long RETENTION_MILLIS = 24L * 60 * 60 * 1000;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final String arn;
    private final String label;
    private final String tableName;
    private final String region;
    private final String viewType;
    private final KeySchema key;
    private final List<StreamRecord> records = new ArrayList<>();
    private long horizon;
    private boolean enabled = true;
    private long closedAt = -1;

    StreamLog(TableDefinition table, long firstSequence) {
        this.label = table.stream().label();
        this.arn = arn(table, label);
        this.tableName = table.name();
        this.region = table.region();
        this.viewType = table.stream().viewType();
        this.key = table.key();
        this.horizon = firstSequence;
    }

    static String label(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).format(LABEL);
    }

    static long labelMillis(String label) {
        return LocalDateTime.parse(label, LABEL).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static String arn(TableDefinition table, String label) {
        return table.arn() + "/stream/" + label;
    }

    String arn() {
        return arn;
    }

    String label() {
        return label;
    }

    String tableName() {
        return tableName;
    }

    String region() {
        return region;
    }

    String viewType() {
        return viewType;
    }

    KeySchema key() {
        return key;
    }

    boolean enabled() {
        return enabled;
    }

    String shardId() {
        return "shardId-" + String.format("%020d", labelMillis(label)) + "-" + Integer.toHexString(arn.hashCode() & 0x7fffffff);
    }

    /** The lowest sequence number still readable; iterators below it meet TrimmedDataAccessException. */
    long horizon() {
        return horizon;
    }

    /** The sequence number of the last record, or -1. */
    long lastSequence() {
        return records.isEmpty() ? -1 : records.getLast().sequence();
    }

    void close(long sequence) {
        enabled = false;
        closedAt = sequence;
    }

    /** Whether a reader at this position has read everything a closed shard will ever hold. */
    boolean exhausted(long position) {
        return !enabled && position >= closedAt;
    }

    void add(long sequence, long at, Map<String, Value> keys, Map<String, Value> old, Map<String, Value> item) {
        String event = old == null ? "INSERT" : item == null ? "REMOVE" : "MODIFY";
        Map<String, Value> newImage = viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES") ? item : null;
        Map<String, Value> oldImage = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES") ? old : null;
        int size = ItemSize.of(keys) + ItemSize.of(newImage) + ItemSize.of(oldImage);
        records.add(new StreamRecord(sequence, at, event, keys, newImage, oldImage, size));
        trim(at);
    }

    /** Drops records older than the retention, so a long-running emulator does not grow without end. */
    private void trim(long now) {
        int drop = 0;
        while (drop < records.size() && records.get(drop).atMillis() < now - RETENTION_MILLIS) {
            drop++;
        }
        if (drop > 0) {
            horizon = records.get(drop - 1).sequence() + 1;
            records.subList(0, drop).clear();
        }
    }

    /** Up to {@code limit} records at or after a position. */
    List<StreamRecord> from(long position, int limit) {
        int lo = 0;
        int hi = records.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (records.get(mid).sequence() < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return List.copyOf(records.subList(lo, Math.min(records.size(), lo + limit)));
    }
}
