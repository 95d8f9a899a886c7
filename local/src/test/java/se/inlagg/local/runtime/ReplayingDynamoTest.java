package se.inlagg.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import se.inlagg.posts.Ids;

/** Which requests the benchmark's replaying DynamoDB answers alike: those that differ only in what differs from call to call. */
class ReplayingDynamoTest {

    private static String query(String id) {
        return "{\"TableName\":\"PostsTable-PostPage-17\",\"KeyConditionExpression\":\"PK = :pk\","
                + "\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"POST#" + id + "\"}}}";
    }

    @Test
    void randomIdsAreAlikeButIdsMadeFromSlugsAreNot() {
        assertEquals(ReplayingDynamo.shape(query(Ids.newId())), ReplayingDynamo.shape(query(Ids.newId())),
                "a create's new id differs every call: one shape");
        // Found when the SnapStart mode answered the post page 404: priming's read of a made-up slug, found nowhere, was
        // replayed for the page's read of a real post, whose id is made from its slug.
        assertNotEquals(ReplayingDynamo.shape(query(Ids.ofSlug("inlagg-priming"))), ReplayingDynamo.shape(query(Ids.ofSlug("manadsmote-i-ystad"))));
        assertEquals(ReplayingDynamo.shape(query(Ids.ofSlug("manadsmote-i-ystad"))),
                ReplayingDynamo.shape(query(Ids.ofSlug("manadsmote-i-ystad")).replace("-17", "-18")), "the run's number in the table's name goes");
    }

    @Test
    void aWriteChargedToTheNextHourIsTheSameWrite() {
        String charge = "{\"TransactItems\":[{\"Update\":{\"Key\":{\"PK\":{\"S\":\"RATE#writes#%s\"},\"SK\":{\"S\":\"HOUR#%d\"}},"
                + "\"TableName\":\"PostsTable-EditPost-3\",\"UpdateExpression\":\"ADD #used :units\"}}]}";
        assertEquals(ReplayingDynamo.shape(charge.formatted("author-1", 499_076)), ReplayingDynamo.shape(charge.formatted("author-1", 499_077)));
        assertNotEquals(ReplayingDynamo.shape(charge.formatted("author-1", 499_076)), ReplayingDynamo.shape(charge.formatted("author-2", 499_076)),
                "another author's allowance is another item");
    }
}
