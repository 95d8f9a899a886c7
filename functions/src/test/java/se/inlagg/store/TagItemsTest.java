package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Tag;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TagItemsTest {

    static final Tag FRIVARD = new Tag("frivard", "Frivård");
    static final Instant AT = Instant.parse("2030-01-01T08:00:00Z");

    static TagItems.Change change(boolean exists, Tally before, Tally after) {
        return new TagItems.Change(FRIVARD, exists, before, after, "post-1", AT);
    }

    @Test
    void aNewTagIsCreatedOnlyIfStillAbsentWithItsFirstCount() {
        var put = TagItems.write("t", change(false, Tally.NONE, Tally.COUNT)).orElseThrow().put();
        assertEquals("attribute_not_exists(#pk)", put.conditionExpression());
        assertEquals("1", put.item().get("count").n());
        assertEquals("TAGS", put.item().get("GSI1PK").s());
        assertEquals(Map.of(), put.item().get("pending").m());
    }

    @Test
    void aScheduledPostEntersThePendingMapNotTheCount() {
        var put = TagItems.write("t", change(false, Tally.NONE, Tally.PENDING)).orElseThrow().put();
        assertEquals("0", put.item().get("count").n());
        assertEquals("2030-01-01T08:00:00Z", put.item().get("pending").m().get("post-1").s());
        var update = TagItems.write("t", change(true, Tally.NONE, Tally.PENDING)).orElseThrow().update();
        assertTrue(update.updateExpression().contains("#pending.#post = :at"), update.updateExpression());
        assertTrue(!update.updateExpression().contains("ADD"));
    }

    @Test
    void countsMoveWithAddOnExistingTags() {
        var add = TagItems.write("t", change(true, Tally.NONE, Tally.COUNT)).orElseThrow().update();
        assertEquals("attribute_exists(#pk)", add.conditionExpression());
        assertEquals("1", add.expressionAttributeValues().get(":delta").n());
        var remove = TagItems.write("t", change(true, Tally.COUNT, Tally.NONE)).orElseThrow().update();
        assertEquals("-1", remove.expressionAttributeValues().get(":delta").n());
        var publish = TagItems.write("t", change(true, Tally.PENDING, Tally.COUNT)).orElseThrow().update();
        assertTrue(publish.updateExpression().contains("REMOVE #pending.#post"));
        assertEquals("1", publish.expressionAttributeValues().get(":delta").n());
    }

    @Test
    void aTagWhoseContributionDoesNotChangeIsNotWritten() {
        assertEquals(Optional.empty(), TagItems.write("t", change(true, Tally.COUNT, Tally.COUNT)));
        assertEquals(Optional.empty(), TagItems.write("t", change(true, Tally.NONE, Tally.NONE)));
    }

    @Test
    void theVisibleCountAddsScheduledPostsWhoseTimeHasCome() {
        var doc = EnhancedDocument.fromAttributeValueMap(Map.of(
                "slug", AttributeValue.fromS("frivard"), "name", AttributeValue.fromS("Frivård"),
                "count", AttributeValue.fromN("2"),
                "pending", AttributeValue.fromM(Map.of(
                        "a", AttributeValue.fromS("2020-01-01T00:00:00Z"),
                        "b", AttributeValue.fromS("2030-01-01T08:00:00Z")))))
                .toBuilder().attributeConverterProviders(AttributeConverterProvider.defaultProvider()).build();
        assertEquals(3, TagItems.countOf(doc, Instant.parse("2026-01-01T00:00:00Z")).count());
        assertEquals(4, TagItems.countOf(doc, AT).count(), "due at exactly its time");
    }
}
