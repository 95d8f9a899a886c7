package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Facet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FacetItemsTest {

    static final Facet FRIVARD = new Facet(Facet.Kind.CATEGORY, "frivard", "Frivård");
    static final Instant AT = Instant.parse("2030-01-01T08:00:00Z");

    static FacetItems.Change change(boolean exists, Tally before, Tally after) {
        return new FacetItems.Change(FRIVARD, exists, before, after, "post-1", AT);
    }

    @Test
    void aNewFacetIsCreatedOnlyIfStillAbsentWithItsFirstCount() {
        var put = FacetItems.write("t", change(false, Tally.NONE, Tally.COUNT)).orElseThrow().put();
        assertEquals("attribute_not_exists(#pk)", put.conditionExpression());
        assertEquals("1", put.item().get("count").n());
        assertEquals("TAGS", put.item().get("GSI1PK").s());
        assertEquals("TAG#frivard", put.item().get("PK").s());
        assertEquals(Map.of(), put.item().get("pending").m());
    }

    @Test
    void aScheduledPostEntersThePendingMapNotTheCount() {
        var put = FacetItems.write("t", change(false, Tally.NONE, Tally.PENDING)).orElseThrow().put();
        assertEquals("0", put.item().get("count").n());
        assertEquals("2030-01-01T08:00:00Z", put.item().get("pending").m().get("post-1").s());
        var update = FacetItems.write("t", change(true, Tally.NONE, Tally.PENDING)).orElseThrow().update();
        assertTrue(update.updateExpression().contains("#pending.#post = :at"), update.updateExpression());
        assertTrue(!update.updateExpression().contains("ADD"));
    }

    @Test
    void countsMoveWithAddOnExistingFacets() {
        var add = FacetItems.write("t", change(true, Tally.NONE, Tally.COUNT)).orElseThrow().update();
        assertEquals("attribute_exists(#pk)", add.conditionExpression());
        assertEquals("1", add.expressionAttributeValues().get(":delta").n());
        var remove = FacetItems.write("t", change(true, Tally.COUNT, Tally.NONE)).orElseThrow().update();
        assertEquals("-1", remove.expressionAttributeValues().get(":delta").n());
        var publish = FacetItems.write("t", change(true, Tally.PENDING, Tally.COUNT)).orElseThrow().update();
        assertTrue(publish.updateExpression().contains("REMOVE #pending.#post"));
        assertEquals("1", publish.expressionAttributeValues().get(":delta").n());
    }

    /**
     * A create counts for good the scheduled posts whose time has passed, each only if still waiting as read; a post's own
     * write that takes it out of waiting is conditioned on its entry being there, so a create that counted it since
     * refuses the write, which is made again from the counter as it then is (ScheduledCountsTest, on DynamoDB).
     */
    @Test
    void settledPostsMoveIntoTheCountEachOnlyIfStillWaiting() {
        var settled = Map.of("a", Instant.parse("2020-01-01T00:00:00Z"), "b", Instant.parse("2021-01-01T00:00:00Z"));
        var create = FacetItems.write("t", new FacetItems.Change(FRIVARD, true, Tally.NONE, Tally.COUNT, "post-1", AT, settled))
                .orElseThrow().update();
        assertEquals("3", create.expressionAttributeValues().get(":delta").n(), "the new post and the two due");
        assertTrue(create.updateExpression().endsWith("REMOVE #pending.#s0, #pending.#s1"), create.updateExpression());
        assertEquals("attribute_exists(#pk) AND #pending.#s0 = :s0 AND #pending.#s1 = :s1", create.conditionExpression());
        assertEquals("a", create.expressionAttributeNames().get("#s0"));
        assertEquals("2020-01-01T00:00:00Z", create.expressionAttributeValues().get(":s0").s());

        var leaving = FacetItems.write("t", change(true, Tally.PENDING, Tally.NONE)).orElseThrow().update();
        assertEquals("attribute_exists(#pk) AND attribute_exists(#pending.#post)", leaving.conditionExpression());
        assertTrue(leaving.updateExpression().contains("REMOVE #pending.#post"));
        assertThrows(IllegalArgumentException.class, () -> new FacetItems.Change(FRIVARD, true, Tally.PENDING, Tally.NONE, "a", AT, settled),
                "a post's own entry is never settled by its own write");
    }

    @Test
    void aFacetWhoseContributionDoesNotChangeIsNotWritten() {
        assertEquals(Optional.empty(), FacetItems.write("t", change(true, Tally.COUNT, Tally.COUNT)));
        assertEquals(Optional.empty(), FacetItems.write("t", change(true, Tally.NONE, Tally.NONE)));
    }

    @Test
    void theVisibleCountAddsScheduledPostsWhoseTimeHasCome() {
        Item counter = Item.of(Map.of(
                "slug", AttributeValue.fromS("frivard"), "name", AttributeValue.fromS("Frivård"),
                "count", AttributeValue.fromN("2"),
                "pending", AttributeValue.fromM(Map.of(
                        "a", AttributeValue.fromS("2020-01-01T00:00:00Z"),
                        "b", AttributeValue.fromS("2030-01-01T08:00:00Z")))));
        assertEquals(3, FacetItems.countOf(Facet.Kind.CATEGORY, counter, Instant.parse("2026-01-01T00:00:00Z")).count());
        assertEquals(4, FacetItems.countOf(Facet.Kind.CATEGORY, counter, AT).count(), "due at exactly its time");
    }

    @Test
    void aMonthIsNamedInSwedishFromItsSlug() {
        Item month = Item.of(Map.of("slug", AttributeValue.fromS("2019-01"), "count", AttributeValue.fromN("1")));
        assertEquals("Januari 2019", FacetItems.countOf(Facet.Kind.MONTH, month, AT).facet().name());
    }
}
