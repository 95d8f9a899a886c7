package se.inlagg.store;

import java.time.Instant;
import java.util.Map;
import se.inlagg.posts.IdempotencyRecord;
import se.inlagg.posts.IdempotentRequest;
import se.inlagg.posts.PostSummary;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Idempotency records, written in the same transaction as the post they made, so a retry can
 * never find a post without its record or a record without its post.
 */
final class IdempotencyItems {

    static final String REQUEST_SHA256 = "requestSha256";
    /** Beside requestSha256, which stays as it was for a version from before this one, deployed again. */
    static final String COMMAND_SHA256 = "commandSha256";
    /** The showing of the form that sent it: only a form's creates have one. */
    static final String SENT_FROM = "sentFrom";

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
                .item(Item.builder().key(Keys.idempotency(post.authorId(), request.keySha256()), Keys.IDEM_SK)
                        .s(REQUEST_SHA256, request.requestSha256())
                        .s(COMMAND_SHA256, request.commandSha256())
                        .s(SENT_FROM, request.sentFrom())
                        .s(PostItems.POST_ID, post.id())
                        .n(PostItems.VERSION, post.version())
                        .n(Keys.EXPIRES_AT, expires.getEpochSecond())
                        .build())
                .conditionExpression("attribute_not_exists(#pk) OR #expires <= :now")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#expires", Keys.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", Item.n(now.getEpochSecond())))
                .build()).build();
    }

    static IdempotencyRecord recordOf(Item d) {
        return new IdempotencyRecord(d.string(REQUEST_SHA256), d.text(COMMAND_SHA256), d.string(PostItems.POST_ID),
                d.number(PostItems.VERSION), Instant.ofEpochSecond(d.number(Keys.EXPIRES_AT)), d.text(SENT_FROM));
    }
}
