package se.inlagg.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import se.inlagg.posts.Page;
import se.inlagg.posts.PostVersion;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A post's earlier versions, each an item {@code VERSION#<number>} in the post's partition (Keys): read a page at a
 * time, newest first, with a Query (Table#queryUpTo); and, for the post's delete, the keys of those its transaction has
 * room to remove.
 */
final class PostVersions {

    /** TransactWriteItems takes at most 100 operations. */
    static final int TRANSACTION_LIMIT = 100;

    private final Table table;

    PostVersions(Table table) {
        this.table = table;
    }

    /**
     * Newest first, below {@code before} when given, read consistently (an author who just saved looks for what it kept).
     * Asked for one more than the page holds, so a page is full only while more remain; DynamoDB stops a Query at 1 MB
     * read, some three versions of a long text, so it is asked again from where it stopped until it has them (found by a
     * review: the list of a long post's versions ended with no way to the older ones). One whose time has passed is left
     * out, not counted: a page may then hold fewer than it could.
     */
    Page<PostVersion> page(String postId, OptionalLong before, int limit, Instant now) {
        String upper = before.isPresent() ? Keys.version(before.getAsLong() - 1) : Keys.version(Long.MAX_VALUE);
        List<Item> found = table.queryUpTo(QueryRequest.builder()
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :low AND :high")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.post(postId)), ":low", Item.s(Keys.version(0)), ":high", Item.s(upper)))
                .scanIndexForward(false)
                .consistentRead(true), limit + 1).stream().map(Item::of).toList();
        List<PostVersion> shown = found.stream().limit(limit).filter(i -> !PostItems.expired(i, now))
                .map(i -> PostItems.versionOf(i, false)).toList();
        Optional<String> next = found.size() > limit
                ? Optional.of(Long.toString(Keys.versionNumberOf(found.get(limit - 1).string(Keys.SK)))) : Optional.empty();
        return new Page<>(shown, next);
    }

    Optional<PostVersion> one(String postId, long number, Instant now) {
        if (number < 1) {
            return Optional.empty();
        }
        return table.get(Keys.post(postId), Keys.version(number)).filter(i -> !PostItems.expired(i, now))
                .map(i -> PostItems.versionOf(i, true));
    }

    /**
     * Deletes of the post's earlier versions, as many as a transaction of {@code alongside} other operations has room
     * for, oldest first: keys only are asked for, but DynamoDB stops a Query at 1 MB read, some three versions of a long
     * text, so it is asked again from where it stopped until the room is filled or none is left (found by a review: a long
     * post's delete left most of them). Read consistently, so a version an edit just kept is among them. Any left over
     * (more than some 70 edits in the year a version is kept) go when their time has passed, as DynamoDB's TTL removes them.
     */
    List<TransactWriteItem> removals(String postId, int alongside) {
        int room = TRANSACTION_LIMIT - alongside;
        if (room <= 0) {
            return List.of();
        }
        return table.queryUpTo(QueryRequest.builder()
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :versions)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.post(postId)), ":versions", Item.s(Keys.VERSION_PREFIX)))
                .projectionExpression("#pk, #sk")
                .consistentRead(true), room).stream()
                .map(k -> table.delete(k.get(Keys.PK).s(), k.get(Keys.SK).s())).toList();
    }
}
