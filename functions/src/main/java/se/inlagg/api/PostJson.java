package se.inlagg.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import se.inlagg.posts.Markdown;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Tag;
import se.inlagg.posts.TagCount;

/** Writes posts, pages and tags in the JSON shapes of DESIGN.md. */
final class PostJson {

    private PostJson() {
    }

    static ObjectNode post(Post post) {
        ObjectNode node = summary(post.summary());
        // Keep the documented field order: body and bodyHtml follow the title.
        ObjectNode ordered = Json.object();
        node.properties().forEach(e -> {
            ordered.set(e.getKey(), e.getValue());
            if (e.getKey().equals("title")) {
                ordered.put("body", post.body());
                ordered.put("bodyHtml", Markdown.toHtml(post.body()));
            }
        });
        return ordered;
    }

    static ObjectNode summary(PostSummary s) {
        ObjectNode node = Json.object();
        node.put("id", s.id());
        node.put("slug", s.slug());
        node.put("title", s.title());
        node.put("excerpt", s.excerpt());
        ObjectNode author = node.putObject("author");
        author.put("name", s.author().name());
        s.author().role().ifPresent(r -> author.put("role", r));
        s.author().office().ifPresent(o -> author.put("office", o));
        node.set("tags", tags(s.tags()));
        s.image().ifPresent(i -> {
            ObjectNode image = node.putObject("image");
            image.put("url", i.url());
            image.put("alt", i.alt());
            i.caption().ifPresent(c -> image.put("caption", c));
        });
        node.put("status", s.status().wire());
        node.put("publishedAt", SiteTime.format(s.publishedAt()));
        node.put("updatedAt", SiteTime.format(s.updatedAt()));
        node.put("version", s.version());
        return node;
    }

    /** The post in the shape of a create body: what an edit's merge patch applies to. */
    static ObjectNode createFields(Post post) {
        PostSummary s = post.summary();
        ObjectNode node = Json.object();
        node.put("title", s.title());
        node.put("body", post.body());
        ObjectNode author = node.putObject("author");
        author.put("name", s.author().name());
        s.author().role().ifPresent(r -> author.put("role", r));
        s.author().office().ifPresent(o -> author.put("office", o));
        ArrayNode tags = node.putArray("tags");
        s.tags().forEach(t -> tags.add(t.name()));
        node.put("publishedAt", SiteTime.format(s.publishedAt()));
        s.image().ifPresent(i -> {
            ObjectNode image = node.putObject("image");
            image.put("url", i.url());
            image.put("alt", i.alt());
            i.caption().ifPresent(c -> image.put("caption", c));
        });
        node.put("excerpt", s.excerpt());
        node.put("status", s.status().wire());
        return node;
    }

    /** A post's answer with its validators, so the client can edit it or revalidate its copy. */
    static ApiResponse withValidators(ApiResponse response, PostSummary post) {
        return response.withHeader("etag", ETags.of(post)).withHeader("last-modified", ETags.httpDate(post.updatedAt()));
    }

    static ArrayNode tags(List<Tag> tags) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        tags.forEach(t -> list.addObject().put("slug", t.slug()).put("name", t.name()));
        return list;
    }

    static ObjectNode tagsOf(PostSummary s) {
        ObjectNode node = Json.object();
        node.set("tags", tags(s.tags()));
        return node;
    }

    static ObjectNode page(Page<PostSummary> page) {
        ObjectNode node = Json.object();
        ArrayNode items = node.putArray("items");
        page.items().forEach(s -> items.add(summary(s)));
        if (page.nextCursor().isPresent()) {
            node.put("nextCursor", page.nextCursor().get());
        } else {
            node.putNull("nextCursor");
        }
        return node;
    }

    static ObjectNode tagCounts(List<TagCount> counts) {
        ObjectNode node = Json.object();
        ArrayNode items = node.putArray("items");
        counts.forEach(c -> items.addObject().put("slug", c.tag().slug()).put("name", c.tag().name()).put("count", c.count()));
        return node;
    }
}
