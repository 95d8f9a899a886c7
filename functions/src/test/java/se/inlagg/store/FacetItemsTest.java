package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
