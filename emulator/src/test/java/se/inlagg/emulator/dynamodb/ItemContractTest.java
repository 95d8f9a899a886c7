package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.emulator.dynamodb.Contract.item;
import static se.inlagg.emulator.dynamodb.Contract.key;
import static se.inlagg.emulator.dynamodb.Contract.n;
import static se.inlagg.emulator.dynamodb.Contract.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PutItem, GetItem, UpdateItem and DeleteItem: conditions, update expressions and the checks DynamoDB makes. */
class ItemContractTest {

    private final DynamoDbClient db = Contract.client();
    private String table;

    @BeforeEach
    void createTable() {
        table = Contract.createPostsTable(db, null);
    }

    private void put(Map<String, AttributeValue> item) {
        db.putItem(b -> b.tableName(table).item(item));
    }

    private Map<String, AttributeValue> get(String pk, String sk) {
        var r = db.getItem(b -> b.tableName(table).key(key(pk, sk)).consistentRead(true));
        return r.hasItem() ? r.item() : null;
    }

    private static Map<String, AttributeValue> post(String id, String title) {
        return item("PK", s("POST#" + id), "SK", s("POST"), "title", s(title), "version", n("1"));
    }

    @Test
    void aPutItemCanBeReadBackWithSwedishLettersIntact() {
        put(post("1", "Årets första inlägg: kräftskiva på Söder"));
        assertEquals("Årets första inlägg: kräftskiva på Söder", get("POST#1", "POST").get("title").s());
    }

    @Test
    void aConditionalPutOnAnExistingItemFailsAndLeavesItUnchanged() {
        put(post("1", "Vår på kontoret"));
        var failure = assertThrows(ConditionalCheckFailedException.class, () -> db.putItem(b -> b.tableName(table)
                .item(post("1", "Överskrivet"))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", "PK"))));
        assertEquals("The conditional request failed", failure.awsErrorDetails().errorMessage());
        assertEquals("Vår på kontoret", get("POST#1", "POST").get("title").s());
    }

    @Test
    void aFailedConditionReturnsTheOldItemWhenAskedTo() {
        put(post("1", "Vår på kontoret"));
        var failure = assertThrows(ConditionalCheckFailedException.class, () -> db.putItem(b -> b.tableName(table)
                .item(post("1", "Överskrivet"))
                .conditionExpression("#v = :v")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":v", n("2")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("Vår på kontoret", failure.item().get("title").s());
    }

    @Test
    void aPutReturnsTheItemItReplacedWhenAskedForAllOld() {
        put(post("1", "Första"));
        var old = db.putItem(b -> b.tableName(table).item(post("1", "Andra")).returnValues(ReturnValue.ALL_OLD)).attributes();
        assertEquals("Första", old.get("title").s());
    }

    @Test
    @SkipOnLocalStack("moto returns a number as it was sent; DynamoDB stores and returns its canonical form")
    void numbersComeBackInTheirCanonicalForm() {
        put(item("PK", s("N#1"), "SK", s("N"), "price", n("1.50"), "big", n("100"), "tiny", n("0.000")));
        var got = get("N#1", "N");
        assertEquals("1.5", got.get("price").n());
        assertEquals("100", got.get("big").n());
        assertEquals("0", got.get("tiny").n());
    }

    @Test
    void allAttributeTypesSurviveARoundTrip() {
        Map<String, AttributeValue> item = item("PK", s("T#1"), "SK", s("T"),
                "bin", AttributeValue.fromB(SdkBytes.fromUtf8String("åäö")),
                "flag", AttributeValue.fromBool(true),
                "nothing", AttributeValue.fromNul(true),
                "list", AttributeValue.fromL(List.of(s("a"), n("2"))),
                "map", AttributeValue.fromM(Map.of("nested", s("ö"))),
                "strings", AttributeValue.fromSs(List.of("äpple", "päron")),
                "numbers", AttributeValue.fromNs(List.of("1", "2.5")),
                "empty", s(""));
        put(item);
        var got = get("T#1", "T");
        assertEquals("åäö", got.get("bin").b().asUtf8String());
        assertTrue(got.get("flag").bool());
        assertTrue(got.get("nothing").nul());
        assertEquals(List.of(s("a"), n("2")), got.get("list").l());
        assertEquals("ö", got.get("map").m().get("nested").s());
        assertEquals(List.of("päron", "äpple"), got.get("strings").ss().stream().sorted().toList());
        assertEquals(List.of("1", "2.5"), got.get("numbers").ns().stream().sorted().toList());
        assertEquals("", got.get("empty").s());
    }

    @Test
    void aProjectionExpressionReturnsOnlyTheNamedPaths() {
        put(item("PK", s("P#1"), "SK", s("P"), "title", s("Midsommar"), "body", s("Lång text"),
                "meta", AttributeValue.fromM(Map.of("tags", AttributeValue.fromL(List.of(s("fest"), s("sommar"), s("sill")))))));
        var got = db.getItem(b -> b.tableName(table).key(key("P#1", "P"))
                .projectionExpression("title, #m.tags[2]").expressionAttributeNames(Map.of("#m", "meta"))).item();
        assertEquals(2, got.size());
        assertEquals("Midsommar", got.get("title").s());
        assertEquals(List.of(s("sill")), got.get("meta").m().get("tags").l());
    }

    @Test
    void getItemOfAMissingItemAnswersNoItem() {
        assertFalse(db.getItem(b -> b.tableName(table).key(key("POST#saknas", "POST"))).hasItem());
    }

    @Test
    void anUpdateSetsAndRemovesNestedMapEntriesAndAddsToACounter() {
        put(item("PK", s("TAG#fika"), "SK", s("TAG"), "count", n("1"), "pending", AttributeValue.fromM(Map.of())));
        Map<String, String> names = Map.of("#pending", "pending", "#post", "p-1", "#count", "count");
        db.updateItem(b -> b.tableName(table).key(key("TAG#fika", "TAG"))
                .updateExpression("SET #pending.#post = :at ADD #count :delta")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":at", s("2025-06-20T10:00:00Z"), ":delta", n("2"))));
        var after = get("TAG#fika", "TAG");
        assertEquals("2025-06-20T10:00:00Z", after.get("pending").m().get("p-1").s());
        assertEquals("3", after.get("count").n());

        db.updateItem(b -> b.tableName(table).key(key("TAG#fika", "TAG"))
                .updateExpression("REMOVE #pending.#post ADD #count :delta")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":delta", n("-1"))));
        var removed = get("TAG#fika", "TAG");
        assertTrue(removed.get("pending").m().isEmpty());
        assertEquals("2", removed.get("count").n());
    }

    @Test
    void anUpdateOfAMissingItemCreatesIt() {
        var created = db.updateItem(b -> b.tableName(table).key(key("POST#ny", "POST"))
                .updateExpression("SET title = :t, #c = if_not_exists(#c, :zero) + :one")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":t", s("Nytt inlägg"), ":zero", n("0"), ":one", n("1")))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        assertEquals(item("PK", s("POST#ny"), "SK", s("POST"), "title", s("Nytt inlägg"), "count", n("1")), created);
    }

    @Test
    void setArithmeticSubtractsAndAddsFromTheOldValues() {
        // Both sides of + and - read the item as it was before the update (UpdateExpression reference, "Incrementing and decrementing").
        put(item("PK", s("K#1"), "SK", s("K"), "stock", n("10"), "sold", n("2")));
        db.updateItem(b -> b.tableName(table).key(key("K#1", "K")).updateExpression("SET stock = stock - :three, sold = sold + :three")
                .expressionAttributeValues(Map.of(":three", n("3"))));
        var got = get("K#1", "K");
        assertEquals("7", got.get("stock").n());
        assertEquals("5", got.get("sold").n());
    }

    @Test
    void ifNotExistsKeepsTheValueAnExistingItemHas() {
        // The counter idiom "SET #c = if_not_exists(#c, :zero) + :one" must count on from the stored value, not restart at one.
        put(item("PK", s("K#2"), "SK", s("K"), "count", n("5")));
        db.updateItem(b -> b.tableName(table).key(key("K#2", "K")).updateExpression("SET #c = if_not_exists(#c, :zero) + :one")
                .expressionAttributeNames(Map.of("#c", "count")).expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1"))));
        assertEquals("6", get("K#2", "K").get("count").n());
    }

    @Test
    void everyActionOfAnUpdateReadsTheItemAsItWasBefore() {
        // UpdateExpression reference: every operand is evaluated against the item before the update, so "SET a = :x, b = a"
        // copies the old a into b whatever the order of the actions.
        put(item("PK", s("K#3"), "SK", s("K"), "stock", n("10")));
        db.updateItem(b -> b.tableName(table).key(key("K#3", "K")).updateExpression("SET stock = :zero, was = stock")
                .expressionAttributeValues(Map.of(":zero", n("0"))));
        var got = get("K#3", "K");
        assertEquals("0", got.get("stock").n());
        assertEquals("10", got.get("was").n());
    }

    @Test
    void anUpdateConditionedOnExistenceDoesNotCreateTheItem() {
        assertThrows(ConditionalCheckFailedException.class, () -> db.updateItem(b -> b.tableName(table).key(key("POST#saknas", "POST"))
                .updateExpression("SET title = :t").conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":t", s("Spöke")))));
        assertNull(get("POST#saknas", "POST"));
    }

    @Test
    void updatedOldAndUpdatedNewReturnOnlyTheChangedAttributes() {
        put(item("PK", s("POST#1"), "SK", s("POST"), "title", s("Gammal"), "body", s("Orörd")));
        UpdateItemResponse newer = db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST"))
                .updateExpression("SET title = :t").expressionAttributeValues(Map.of(":t", s("Ny")))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertEquals(Map.of("title", s("Ny")), newer.attributes());
        UpdateItemResponse older = db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST"))
                .updateExpression("SET title = :t").expressionAttributeValues(Map.of(":t", s("Nyare")))
                .returnValues(ReturnValue.UPDATED_OLD));
        assertEquals(Map.of("title", s("Ny")), older.attributes());
    }

    @Test
    void listAppendListIndexesAndSetDeleteWork() {
        put(item("PK", s("L#1"), "SK", s("L"), "list", AttributeValue.fromL(List.of(s("a"), s("b"))),
                "andra", AttributeValue.fromL(List.of(s("x"), s("y"))), "tags", AttributeValue.fromSs(List.of("fika", "glass"))));
        db.updateItem(b -> b.tableName(table).key(key("L#1", "L"))
                .updateExpression("SET #l = list_append(#l, :more), andra[0] = :first, andra[5] = :last DELETE tags :gone")
                .expressionAttributeNames(Map.of("#l", "list"))
                .expressionAttributeValues(Map.of(":more", AttributeValue.fromL(List.of(s("c"))), ":first", s("X"), ":last", s("Z"),
                        ":gone", AttributeValue.fromSs(List.of("fika", "glass")))));
        var got = get("L#1", "L");
        assertEquals(List.of(s("a"), s("b"), s("c")), got.get("list").l());
        assertEquals(List.of(s("X"), s("y"), s("Z")), got.get("andra").l(), "an index past the end appends");
        assertFalse(got.containsKey("tags"), "a set emptied by DELETE is removed");
    }

    @Test
    void addJoinsSetsAndCreatesMissingOnes() {
        put(item("PK", s("S#1"), "SK", s("S"), "tags", AttributeValue.fromSs(List.of("fika"))));
        db.updateItem(b -> b.tableName(table).key(key("S#1", "S")).updateExpression("ADD tags :more, scores :nums")
                .expressionAttributeValues(Map.of(":more", AttributeValue.fromSs(List.of("fika", "bulle")),
                        ":nums", AttributeValue.fromNs(List.of("3", "4")))));
        var got = get("S#1", "S");
        assertEquals(List.of("bulle", "fika"), got.get("tags").ss().stream().sorted().toList());
        assertEquals(List.of("3", "4"), got.get("scores").ns().stream().sorted().toList());
    }

    @Test
    void anEmptySetIsRefused() {
        // DynamoDB has no empty sets ("Data types" in the Developer Guide): a post whose tag set is empty fails in
        // production, so it must fail here too rather than be stored.
        var e = assertThrows(DynamoDbException.class, () -> put(item("PK", s("S#2"), "SK", s("S"), "tags", AttributeValue.fromSs(List.of()))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertNull(get("S#2", "S"));
    }

    @Test
    @SkipOnLocalStack("moto stores a set sent with the same element twice")
    void aSetWithTheSameElementTwiceIsRefused() {
        // "Data types": each value within a set must be unique; DynamoDB refuses the duplicates rather than merging them.
        var e = assertThrows(DynamoDbException.class, () -> put(item("PK", s("S#3"), "SK", s("S"), "tags",
                AttributeValue.fromSs(List.of("fika", "fika")))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertNull(get("S#3", "S"));
    }

    @Test
    void removingListElementsUsesTheOriginalIndexes() {
        put(item("PK", s("L#2"), "SK", s("L"), "list", AttributeValue.fromL(List.of(s("a"), s("b"), s("c"), s("d")))));
        db.updateItem(b -> b.tableName(table).key(key("L#2", "L")).updateExpression("REMOVE #l[1], #l[3]")
                .expressionAttributeNames(Map.of("#l", "list")));
        assertEquals(List.of(s("a"), s("c")), get("L#2", "L").get("list").l());
    }

    @Test
    void addingToAStringIsRefused() {
        put(post("1", "Text"));
        var e = assertThrows(DynamoDbException.class, () -> db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST"))
                .updateExpression("ADD title :one").expressionAttributeValues(Map.of(":one", n("1")))));
        assertEquals(400, e.statusCode());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void updatingAKeyAttributeIsRefused() {
        put(post("1", "Text"));
        var e = assertThrows(DynamoDbException.class, () -> db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST"))
                .updateExpression("SET SK = :x").expressionAttributeValues(Map.of(":x", s("X")))));
        assertTrue(e.awsErrorDetails().errorMessage().contains("Cannot update attribute SK"), e.getMessage());
    }

    @Test
    void overlappingPathsInOneUpdateAreRefused() {
        put(post("1", "Text"));
        var e = assertThrows(DynamoDbException.class, () -> db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST"))
                .updateExpression("SET a = :x REMOVE a").expressionAttributeValues(Map.of(":x", s("X")))));
        assertTrue(e.awsErrorDetails().errorMessage().contains("Two document paths overlap"), e.getMessage());
    }

    @Test
    @SkipOnLocalStack("moto reads a projection whose paths overlap")
    void overlappingPathsInAProjectionAreRefused() {
        // ProjectionExpression: a path and a path inside it ("meta, meta.author") overlap and are a ValidationException.
        put(post("1", "Text"));
        var e = assertThrows(DynamoDbException.class, () -> db.getItem(b -> b.tableName(table).key(key("POST#1", "POST"))
                .projectionExpression("meta, meta.author")));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("Two document paths overlap"), e.getMessage());
    }

    @Test
    void updateClauseKeywordsAreCaseInsensitive() {
        // Keywords such as SET and REMOVE are not case-sensitive (Expressions, "Reserved words"); "set … remove …" works.
        put(item("PK", s("POST#1"), "SK", s("POST"), "title", s("Gammal"), "body", s("Bort")));
        db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST")).updateExpression("set title = :t remove body")
                .expressionAttributeValues(Map.of(":t", s("Ny"))));
        assertEquals(item("PK", s("POST#1"), "SK", s("POST"), "title", s("Ny")), get("POST#1", "POST"));
    }

    @Test
    void aDeleteReturnsTheOldItemAndADeleteOfNothingSucceeds() {
        put(post("1", "Bort"));
        var old = db.deleteItem(b -> b.tableName(table).key(key("POST#1", "POST")).returnValues(ReturnValue.ALL_OLD)).attributes();
        assertEquals("Bort", old.get("title").s());
        assertNull(get("POST#1", "POST"));
        assertTrue(db.deleteItem(b -> b.tableName(table).key(key("POST#1", "POST")).returnValues(ReturnValue.ALL_OLD)).attributes().isEmpty());
    }

    @Test
    void aConditionalDeleteOnAStaleVersionFails() {
        put(post("1", "Kvar"));
        assertThrows(ConditionalCheckFailedException.class, () -> db.deleteItem(b -> b.tableName(table).key(key("POST#1", "POST"))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n("7")))));
        assertEquals("Kvar", get("POST#1", "POST").get("title").s());
    }

    @Test
    void conditionsSupportComparatorsFunctionsAndBooleanLogic() {
        put(item("PK", s("C#1"), "SK", s("C"), "title", s("Älgjakt"), "n", n("5"), "tags", AttributeValue.fromSs(List.of("skog"))));
        String[] passing = {
            "n BETWEEN :three AND :five", "n IN (:one, :five)", "NOT n < :three", "(n > :three AND n <> :one) OR saknas = :one",
            "begins_with(title, :prefix)", "contains(tags, :tag)", "contains(title, :part)", "size(tags) = :one",
            "attribute_type(n, :type)", "attribute_not_exists(saknas) AND attribute_exists(title)", "saknas <> :one",
        };
        Map<String, AttributeValue> values = Map.of(":one", n("1"), ":three", n("3"), ":five", n("5"), ":prefix", s("Älg"),
                ":tag", s("skog"), ":part", s("jakt"), ":type", s("N"));
        for (String condition : passing) {
            var used = values.entrySet().stream().filter(e -> condition.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            db.updateItem(b -> b.tableName(table).key(key("C#1", "C")).updateExpression("SET touched = :t")
                    .conditionExpression(condition)
                    .expressionAttributeValues(with(used, ":t", AttributeValue.fromBool(true))));
        }
        assertThrows(ConditionalCheckFailedException.class, () -> db.updateItem(b -> b.tableName(table).key(key("C#1", "C"))
                .updateExpression("SET touched = :t").conditionExpression("n > :five")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":five", n("5")))));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> m, String k, AttributeValue v) {
        var copy = new HashMap<>(m);
        copy.put(k, v);
        return copy;
    }

    @Test
    void stringsCompareByTheirUtf8Bytes() {
        // "Ö" (U+00D6) sorts after "z" in UTF-8; a case-insensitive or Swedish collation would not.
        put(item("PK", s("U#1"), "SK", s("U"), "word", s("Örebro")));
        db.updateItem(b -> b.tableName(table).key(key("U#1", "U")).updateExpression("SET ok = :t")
                .conditionExpression("word > :z").expressionAttributeValues(Map.of(":z", s("zebra"), ":t", AttributeValue.fromBool(true))));
        assertTrue(get("U#1", "U").get("ok").bool());
    }

    @Test
    void inOverAnAttributeTheItemLacksIsFalseNotAnError() {
        // A missing attribute is in no list: the write fails its condition (400 ConditionalCheckFailed), it does not break.
        put(post("1", "Utan status"));
        assertThrows(ConditionalCheckFailedException.class, () -> db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST"))
                .updateExpression("SET title = :t").conditionExpression("#s IN (:draft, :published)")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":t", s("Ändrad"), ":draft", s("draft"), ":published", s("published")))));
        assertEquals("Utan status", get("POST#1", "POST").get("title").s());
    }

    @Test
    @SkipOnLocalStack("moto does not refuse unused ExpressionAttributeValues in a PutItem condition")
    void unusedAndUndefinedExpressionAttributesAreRefused() {
        var unusedValue = assertThrows(DynamoDbException.class, () -> db.putItem(b -> b.tableName(table).item(post("1", "x"))
                .conditionExpression("attribute_not_exists(PK)").expressionAttributeValues(Map.of(":x", n("1")))));
        assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}", unusedValue.awsErrorDetails().errorMessage());
        var unusedName = assertThrows(DynamoDbException.class, () -> db.putItem(b -> b.tableName(table).item(post("1", "x"))
                .conditionExpression("attribute_not_exists(PK)").expressionAttributeNames(Map.of("#x", "x"))));
        assertEquals("Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}", unusedName.awsErrorDetails().errorMessage());
        var undefined = assertThrows(DynamoDbException.class, () -> db.putItem(b -> b.tableName(table).item(post("1", "x"))
                .conditionExpression("version = :v")));
        assertTrue(undefined.awsErrorDetails().errorMessage().contains("An expression attribute value used in expression is not defined; attribute value: :v"),
                undefined.getMessage());
    }

    @Test
    @SkipOnLocalStack("moto answers InternalError (500) to a condition that ends in AND")
    void aSyntaxErrorInAnExpressionIsAValidationException() {
        var e = assertThrows(DynamoDbException.class, () -> db.putItem(b -> b.tableName(table).item(post("1", "x"))
                .conditionExpression("attribute_not_exists(PK) AND")));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("Invalid ConditionExpression: Syntax error"), e.getMessage());
    }

    @Test
    void keysMustBePresentTypedAndNonEmpty() {
        var missing = assertThrows(DynamoDbException.class, () -> put(item("PK", s("POST#1"), "title", s("utan SK"))));
        assertTrue(missing.awsErrorDetails().errorMessage().contains("Missing the key SK in the item"), missing.getMessage());
        var typed = assertThrows(DynamoDbException.class, () -> put(item("PK", n("1"), "SK", s("POST"))));
        assertTrue(typed.awsErrorDetails().errorMessage().contains("Type mismatch for key PK expected: S actual: N"), typed.getMessage());
        var empty = assertThrows(DynamoDbException.class, () -> put(item("PK", s(""), "SK", s("POST"))));
        assertEquals("ValidationException", empty.awsErrorDetails().errorCode());
        assertTrue(empty.awsErrorDetails().errorMessage().contains("empty string") && empty.awsErrorDetails().errorMessage().contains("Key: PK"),
                empty.getMessage());
        var wrongKey = assertThrows(DynamoDbException.class, () -> db.getItem(b -> b.tableName(table).key(Map.of("PK", s("POST#1")))));
        assertEquals("ValidationException", wrongKey.awsErrorDetails().errorCode());
    }

    @Test
    @SkipOnLocalStack("moto's message for a key that does not match the schema is just \"Validation Exception\"")
    void aKeyThatDoesNotMatchTheSchemaIsNamedSo() {
        var wrongKey = assertThrows(DynamoDbException.class, () -> db.getItem(b -> b.tableName(table).key(Map.of("PK", s("POST#1")))));
        assertEquals("The provided key element does not match the schema", wrongKey.awsErrorDetails().errorMessage());
    }

    @Test
    @SkipOnLocalStack("moto does not check the types of index key attributes in an item")
    void anIndexKeyOfTheWrongTypeIsRefused() {
        var e = assertThrows(DynamoDbException.class, () -> put(item("PK", s("POST#1"), "SK", s("POST"), "GSI1PK", n("5"))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("GSI1PK"), e.getMessage());
    }

    @Test
    void aReservedWordAsABareAttributeNameIsRefused() {
        var e = assertThrows(DynamoDbException.class, () -> db.updateItem(b -> b.tableName(table).key(key("POST#1", "POST"))
                .updateExpression("SET status = :s").expressionAttributeValues(Map.of(":s", s("utkast")))));
        assertEquals("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status", e.awsErrorDetails().errorMessage());
    }

    @Test
    void anItemOver400KilobytesIsRefused() {
        var e = assertThrows(DynamoDbException.class, () -> put(item("PK", s("BIG"), "SK", s("B"), "body", s("ä".repeat(205_000)))));
        assertEquals("Item size has exceeded the maximum allowed size", e.awsErrorDetails().errorMessage());
    }

    @Test
    void aMissingTableIsAResourceNotFoundException() {
        assertThrows(ResourceNotFoundException.class, () -> db.getItem(b -> b.tableName("finns-inte-" + table).key(key("a", "b"))));
    }
}
