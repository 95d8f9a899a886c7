package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One committed request as the journal keeps it (the payload of a {@link Frames} frame):
 * {@code {"seq":n,"at":epochMillis,"token":…,"fingerprint":…,"ops":[…]}} where each op is
 * {@code {"put":table,"item":{…}}}, {@code {"delete":table,"key":{…}}},
 * {@code {"table":{definition}}} or {@code {"drop":table}}. Op i has sequence number seq+i, which
 * is also its stream record's sequence number.
 */
record JournalRecord(long sequence, long atMillis, String token, String fingerprint, List<Mutation> mutations) {

    static ObjectNode encode(List<Mutation> mutations, long sequence, long at, String token, String fingerprint,
                             Function<String, KeySchema> keys) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("seq", sequence);
        r.put("at", at);
        if (token != null) {
            r.put("token", token);
            r.put("fingerprint", fingerprint);
        }
        ArrayNode ops = r.putArray("ops");
        for (Mutation m : mutations) {
            ObjectNode op = ops.addObject();
            switch (m) {
                case Mutation.ItemWrite w when w.item() != null -> op.put("put", w.table()).set("item", AttributeJson.json(w.item()));
                case Mutation.ItemWrite w -> op.put("delete", w.table()).set("key", AttributeJson.json(w.key().attributes(keys.apply(w.table()))));
                case Mutation.TableWrite d -> op.set("table", d.definition().json());
                case Mutation.TableDrop d -> op.put("drop", d.name());
            }
        }
        return r;
    }

    /** Reads a record back; {@code tables} gives the key schema of tables that exist at that point of the replay. */
    static JournalRecord decode(JsonNode r, Function<String, Table> tables) {
        List<Mutation> mutations = new ArrayList<>();
        for (JsonNode op : r.path("ops")) {
            if (op.has("put")) {
                String name = op.get("put").asText();
                var item = AttributeJson.item(op.get("item"));
                mutations.add(new Mutation.ItemWrite(name, tables.apply(name).keyOfItem(item), null, item));
            } else if (op.has("delete")) {
                String name = op.get("delete").asText();
                mutations.add(new Mutation.ItemWrite(name, tables.apply(name).keyOfKey(AttributeJson.item(op.get("key"))), null, null));
            } else if (op.has("table")) {
                mutations.add(new Mutation.TableWrite(TableDefinition.fromJson(op.get("table"), "us-east-1", 0)));
            } else {
                mutations.add(new Mutation.TableDrop(op.get("drop").asText()));
            }
        }
        return new JournalRecord(r.path("seq").asLong(), r.path("at").asLong(),
                r.path("token").asText(null), r.path("fingerprint").asText(null), mutations);
    }
}
