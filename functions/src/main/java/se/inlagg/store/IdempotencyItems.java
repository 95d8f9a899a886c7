package se.inlagg.store;

import java.time.Instant;
import java.util.Map;
import se.inlagg.posts.IdempotencyRecord;
import se.inlagg.posts.IdempotentRequest;
import se.inlagg.posts.PostSummary;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Idempotency records, written in the same transaction as the post they made, so a retry can
 * never find a post without its record or a record without its post.
 */
final class IdempotencyItems {

    static final String REQUEST_SHA256 = "requestSha256";

    private IdempotencyItems() {
    }

    /**
     * The record of a create. DynamoDB's TTL deletes expired items only lazily, so an expired
     * record must count as absent: the condition lets a new create replace it.
     */
    static TransactWriteItem putUnlessLive(String table, PostSummary post, IdempotentRequest request, Instant now) {
        Instant expires = now.plus(IdempotentRequest.LIFETIME);
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(Map.of(
                        Keys.PK, TagItems.s(Keys.idempotency(post.authorId(), request.keySha256())),
                        Keys.SK, TagItems.s(Keys.IDEM_SK),
                        REQUEST_SHA256, TagItems.s(request.requestSha256()),
                        PostItems.POST_ID, TagItems.s(post.id()),
                        PostItems.VERSION, TagItems.n(post.version()),
                        Keys.EXPIRES_AT, TagItems.n(expires.getEpochSecond())))
                .conditionExpression("attribute_not_exists(#pk) OR #expires <= :now")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#expires", Keys.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", TagItems.n(now.getEpochSecond())))
                .build()).build();
    }

    static IdempotencyRecord recordOf(EnhancedDocument d) {
        return new IdempotencyRecord(d.getString(REQUEST_SHA256), d.getString(PostItems.POST_ID),
                d.getNumber(PostItems.VERSION).longValue(),
                Instant.ofEpochSecond(d.getNumber(Keys.EXPIRES_AT).longValue()));
    }
}
