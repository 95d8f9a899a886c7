package se.inlagg.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's event source mapping for one function's DynamoDB stream event, emulated: it reads the
 * table's stream through the DynamoDB Streams API (so it works on any DynamoDB that has streams),
 * gathers records into batches (the template's batch size and batching window), drops those the
 * template's filters do not pass, and invokes the function in-process with Lambda's DynamodbEvent
 * JSON. A batch that fails is halved (BisectBatchOnFunctionError) and retried as the template says;
 * one that still fails goes to a file, as Lambda sends it to the on-failure destination, and the
 * stream moves on. Positions are kept per shard in the data directory, so a restart resumes.
 *
 * <p>A data folder with no position kept (a first start, or after {@code streams/} was deleted) may hold changes the
 * stream has already let go of, made by commands before the server ever read it: the first read builds the index from
 * the table before it reads on.
 *
 * <p>A position kept whose records are gone (the emulator keeps a stream's records back to the start
 * before last, as DynamoDB keeps a day's) is read on from the oldest record there is, as Lambda does,
 * after {@code missed} has made up for what was never read; else two restarts in a row before the
 * search indexer catches up leave the poller asking for the lost position forever, and nothing is
 * indexed again.
 *
 * <p>A position kept that the stream does not have is treated the same way: a sequence number past
 * the shard's last record, a shard the stream lacks, or positions in another stream. That is what a
 * data folder whose {@code dynamodb/} was restored from an older copy, or made anew, while
 * {@code streams/} kept the newer positions looks like; read on from such a position, the poller
 * would skip every change until the stream caught up with it (the emulator answers a position past its
 * end with an iterator that waits there), and search would stay stale until {@code reindex}.
 */
final class StreamPoller implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(200);
    /** The number of retries Lambda's "-1" (until the records expire) becomes here, where nothing expires. */
    private static final int UNTIL_EXPIRY = 10;

    private final Template.StreamSource source;
    private final LambdaFunction function;
    private final Runnable missed;
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final EventFilter filter;
    private final Path checkpoint;
    private final Path failures;
    private final Map<String, String> position = new LinkedHashMap<>();
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    /** Shards whose position came from the file and has not yet been found in the stream. */
    private final Set<String> unverified = new HashSet<>();
    /** The stream the file's positions were in, when that is not this table's stream; null otherwise. */
    private String otherStream;
    /** No position was ever kept in this data folder: what the stream no longer holds was never read. */
    private boolean neverRead;
    /** How long the first read waits after its making up failed. */
    private Duration rebuildWait = Duration.ZERO;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param missed what makes up for records gone before they were read (for the search index: building it anew) */
    StreamPoller(Template.StreamSource source, LambdaFunction function, URI dynamoEndpoint, String streamArn, Path dataDir,
                 Runnable missed) {
        this.source = source;
        this.function = function;
        this.missed = missed;
        this.streams = DynamoDbStreamsClient.builder()
                .endpointOverride(dynamoEndpoint)
                .region(Region.of(LocalDynamo.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.streamArn = streamArn;
        this.filter = EventFilter.of(source.filterPatterns());
        Path dir = dataDir.resolve("streams");
        this.checkpoint = dir.resolve(source.functionId() + "-" + source.name() + ".properties");
        this.failures = dir.resolve(source.functionId() + "-" + source.name() + "-failures.jsonl");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        load();
        this.thread = Thread.ofPlatform().daemon().name("stream-" + source.functionId()).unstarted(this::run);
    }

    StreamPoller start() {
        thread.start();
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(10));
        streams.close();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        long firstAt = 0;
        while (running) {
            try {
                for (Shard shard : readable()) {
                    for (Record r : read(shard)) {
                        if (batch.isEmpty()) {
                            firstAt = System.nanoTime();
                        }
                        batch.add(new Pending(shard.shardId(), r.dynamodb().sequenceNumber(), StreamRecords.record(r, streamArn)));
                    }
                }
                boolean windowOver = System.nanoTime() - firstAt >= Duration.ofSeconds(source.windowSeconds()).toNanos();
                while (!batch.isEmpty() && (batch.size() >= source.batchSize() || windowOver)) {
                    List<Pending> now = new ArrayList<>(batch.subList(0, Math.min(source.batchSize(), batch.size())));
                    deliver(now);
                    batch.subList(0, now.size()).clear();
                    firstAt = System.nanoTime();
                }
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // The endpoint is restarting or the stream was replaced: start over from the positions kept.
                System.err.println("stream " + source.functionId() + ": " + e.getMessage());
                iterators.clear();
                batch.clear();
                sleepQuietly();
            }
        }
    }

    /** The stream's shards, parents before children; a child only once its parent has been read to its end. */
    private List<Shard> readable() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String after = start;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(after)).streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        Set<String> known = new HashSet<>();
        shards.forEach(s -> known.add(s.shardId()));
        if (neverRead) {
            // Commands run before the first start (`seed`, `create-author`) may have made changes older than the stream
            // keeps (back to the open before last only). So the first
            // read in a data folder starts by making up for everything before it, quietly, as it is no fault: the index
            // built from the table (the rebuild's own line says how many posts), then the stream from its oldest change.
            try {
                missed.run();
            } catch (RuntimeException e) {
                // Read nothing until it is built; each failure waits twice as long, up to a minute (a full disk would
                // otherwise have it rebuild once a second).
                rebuildWait = rebuildWait.isZero() ? POLL.multipliedBy(5) : min(rebuildWait.multipliedBy(2), Duration.ofMinutes(1));
                sleepFor(rebuildWait);
                throw e;
            }
            neverRead = false;
        }
        if (otherStream != null) {
            makeUpFor(List.of(), "its positions kept are in another stream (" + otherStream + "), so the table was made anew");
            otherStream = null;
        }
        List<String> unknown = unverified.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            makeUpFor(unknown, "the stream has no shard " + String.join(", ", unknown) + ", where it kept a position");
        }
        return shards.stream().filter(s -> !finished.contains(s.shardId()))
                .filter(s -> s.parentShardId() == null || !known.contains(s.parentShardId()) || finished.contains(s.parentShardId()))
                .toList();
    }

    private List<Record> read(Shard shard) {
        String id = shard.shardId();
        String iterator = iterators.computeIfAbsent(id, this::iterator);
        try {
            var answer = streams.getRecords(b -> b.shardIterator(iterator).limit(1000));
            if (answer.nextShardIterator() == null) {
                finished.add(id);
                iterators.remove(id);
            } else {
                iterators.put(id, answer.nextShardIterator());
            }
            return answer.records();
        } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
            iterators.remove(id);
            return List.of();
        }
    }

    private String iterator(String shardId) {
        if (unverified.contains(shardId)) {
            // Looked at once, before the first read from a position kept; until that and any making up succeed, the
            // next attempt looks again.
            if (aheadOfStream(shardId, position.get(shardId))) {
                makeUpFor(List.of(shardId), "its position " + position.get(shardId) + " is past the last change in the stream (was an"
                        + " older copy of the table restored?)");
                return fromTheStart(shardId);
            }
            unverified.remove(shardId);
        }
        String after = position.get(shardId);
        try {
            return streams.getShardIterator(b -> {
                b.streamArn(streamArn).shardId(shardId);
                if (after != null) {
                    b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
                } else {
                    b.shardIteratorType(ShardIteratorType.fromValue(source.startingPosition()));
                }
            }).shardIterator();
        } catch (TrimmedDataAccessException e) {
            makeUpFor(List.of(shardId), "the changes after its last position are gone before it read them ("
                    + e.awsErrorDetails().errorMessage() + ")");
            return fromTheStart(shardId);
        }
    }

    /**
     * Whether the record at a position kept from an earlier run is missing from a shard that still holds
     * everything after its oldest record: then the position is ahead of the stream. The emulator numbers
     * records from one counter that a restored table takes back, and answers AFTER_SEQUENCE_NUMBER past
     * its end with an iterator that waits there rather than an error, so the record itself is looked for.
     * A position older than the oldest record kept is not ahead; the AFTER_SEQUENCE_NUMBER iterator then
     * meets the trim.
     */
    private boolean aheadOfStream(String shardId, String sequence) {
        String at;
        try {
            at = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(sequence)).shardIterator();
        } catch (TrimmedDataAccessException e) {
            return false;
        }
        List<Record> first = streams.getRecords(b -> b.shardIterator(at).limit(1)).records();
        return first.isEmpty() || !first.getFirst().dynamodb().sequenceNumber().equals(sequence);
    }

    /**
     * Changes this poller can no longer read in order: one line saying why, then {@code missed} (for the
     * search index, building it anew from the table), and the shards' positions forgotten so that they
     * are read from the oldest change kept.
     */
    private void makeUpFor(List<String> shardIds, String why) {
        System.err.println("stream " + source.functionId() + ": " + why + "; making up for what it missed, then reading on from"
                + " the oldest change kept");
        missed.run();
        shardIds.forEach(position::remove);
        shardIds.forEach(unverified::remove);
        save();
    }

    private String fromTheStart(String shardId) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
    }

    /** The batch through the filters and to the function; then the positions move past it, whatever came of it. */
    private void deliver(List<Pending> batch) {
        List<JsonNode> passed = batch.stream().map(Pending::json).filter(filter::passes).map(n -> (JsonNode) n).toList();
        if (!passed.isEmpty()) {
            attempt(passed, source.maximumRetryAttempts() < 0 ? UNTIL_EXPIRY : source.maximumRetryAttempts());
        }
        batch.forEach(p -> position.put(p.shardId(), p.sequenceNumber()));
        save();
    }

    private void attempt(List<JsonNode> records, int retriesLeft) {
        try {
            function.invoke(StreamRecords.event(records).toString());
        } catch (RuntimeException e) {
            if (source.bisectOnError() && records.size() > 1) {
                int half = records.size() / 2;
                attempt(records.subList(0, half), retriesLeft);
                attempt(records.subList(half, records.size()), retriesLeft);
            } else if (retriesLeft > 0 && running) {
                sleepQuietly();
                attempt(records, retriesLeft - 1);
            } else {
                fail(records, e);
            }
        }
    }

    /** What Lambda sends to the on-failure destination: here a line in a file beside the positions. */
    private void fail(List<JsonNode> records, RuntimeException e) {
        ObjectNode line = StreamRecords.event(records);
        line.put("function", source.functionId());
        line.put("error", String.valueOf(e));
        try {
            Files.writeString(failures, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        System.err.println("stream " + source.functionId() + ": " + records.size() + " record(s) failed, kept in " + failures + ": " + e);
    }

    private void load() {
        if (!Files.exists(checkpoint)) {
            neverRead = true;
            return;
        }
        Properties saved = new Properties();
        try (var in = Files.newBufferedReader(checkpoint, StandardCharsets.UTF_8)) {
            saved.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Positions belong to one stream: a table made again has a new one, read from its start once what the function
        // made of the other stream is made up for (the index would otherwise keep posts the new table does not have).
        Map<String, String> kept = new LinkedHashMap<>();
        saved.stringPropertyNames().stream().filter(k -> k.startsWith("shard."))
                .forEach(k -> kept.put(k.substring("shard.".length()), saved.getProperty(k)));
        if (streamArn.equals(saved.getProperty("stream"))) {
            position.putAll(kept);
            unverified.addAll(kept.keySet());
            // A file of no position: this stream was never read from (a start stopped before its first batch).
            neverRead = kept.isEmpty();
        } else if (!kept.isEmpty()) {
            otherStream = saved.getProperty("stream");
        }
    }

    private void save() {
        Properties out = new Properties();
        out.setProperty("stream", streamArn);
        position.forEach((shard, sequence) -> out.setProperty("shard." + shard, sequence));
        try {
            Path temp = checkpoint.resolveSibling(checkpoint.getFileName() + ".tmp");
            try (var writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.store(writer, "positions in the table's stream, per shard");
            }
            Files.move(temp, checkpoint, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sleepQuietly() {
        sleepFor(POLL.multipliedBy(5));
    }

    private void sleepFor(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A record read but not yet delivered, with where it stood in its shard. */
    private record Pending(String shardId, String sequenceNumber, ObjectNode json) {
    }
}
