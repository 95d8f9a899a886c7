package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ListObjectsV2: prefixes, the delimiter's common prefixes, paging by continuation token, start-after. */
class ListingContractTest {

    private static final List<String> KEYS = List.of("bilder/2019/a.png", "bilder/2019/b.png", "bilder/2020/c.png", "bilder/d.png",
            "index/posts.json", "index/tags.json", "readme.txt");

    private final S3Client s3 = S3Contract.client();

    private String filled() {
        return bucketWith(KEYS);
    }

    /** A new bucket holding these keys, each object's body its key. */
    private String bucketWith(List<String> keys) {
        String bucket = S3Contract.bucket();
        for (String k : keys) {
            s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(k));
        }
        return bucket;
    }

    private static List<String> keys(ListObjectsV2Response r) {
        return r.contents().stream().map(S3Object::key).toList();
    }

    private static List<String> prefixes(ListObjectsV2Response r) {
        return r.commonPrefixes().stream().map(CommonPrefix::prefix).toList();
    }

    @Test
    void everythingInKeyOrderWithSizesAndETags() {
        String bucket = filled();
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(bucket));
        assertEquals(KEYS, keys(r));
        assertEquals(KEYS.size(), r.keyCount());
        assertFalse(r.isTruncated());
        S3Object readme = r.contents().getLast();
        assertEquals("readme.txt".length(), readme.size());
        assertEquals(s3.headObject(b -> b.bucket(bucket).key("readme.txt")).eTag(), readme.eTag());
        assertTrue(readme.lastModified() != null);
    }

    @Test
    void aPrefixNarrowsTheListing() {
        String bucket = filled();
        assertEquals(List.of("index/posts.json", "index/tags.json"), keys(s3.listObjectsV2(b -> b.bucket(bucket).prefix("index/"))));
        assertEquals(List.of(), keys(s3.listObjectsV2(b -> b.bucket(bucket).prefix("saknas/"))));
    }

    /** A prefix that is a whole key lists that key: a picture looked up by its own name is found. */
    @Test
    void aPrefixThatIsAWholeKeyListsThatKey() {
        String bucket = filled();
        assertEquals(List.of("readme.txt"), keys(s3.listObjectsV2(b -> b.bucket(bucket).prefix("readme.txt"))));
        assertEquals(List.of("bilder/d.png"), keys(s3.listObjectsV2(b -> b.bucket(bucket).prefix("bilder/d.png").delimiter("/"))));
    }

    @Test
    @SkipOnLocalStack("lists every key for max-keys=0")
    void maxKeysZeroListsNothing() {
        String bucket = filled();
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(0));
        assertEquals(List.of(), keys(r));
        assertEquals(0, r.keyCount());
    }

    @Test
    void theDelimiterRollsKeysUpIntoCommonPrefixes() {
        String bucket = filled();
        ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
        assertEquals(List.of("readme.txt"), keys(top));
        assertEquals(List.of("bilder/", "index/"), prefixes(top));
        assertEquals(3, top.keyCount());

        ListObjectsV2Response pictures = s3.listObjectsV2(b -> b.bucket(bucket).prefix("bilder/").delimiter("/"));
        assertEquals(List.of("bilder/d.png"), keys(pictures));
        assertEquals(List.of("bilder/2019/", "bilder/2020/"), prefixes(pictures));
    }

    @Test
    void pagesFollowTheContinuationTokenUntilTheEnd() {
        String bucket = filled();
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(3).continuationToken(current));
            assertTrue(page.keyCount() <= 3);
            seen.addAll(keys(page));
            token = page.isTruncated() ? page.nextContinuationToken() : null;
            if (page.isTruncated()) {
                assertEquals(3, page.keyCount());
            } else {
                assertNull(page.nextContinuationToken());
            }
            pages++;
        } while (token != null);
        assertEquals(KEYS, seen);
        assertEquals(3, pages);
    }

    @Test
    void pagingCountsCommonPrefixesAndNeverRepeatsThem() {
        String bucket = filled();
        List<String> entries = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).delimiter("/").maxKeys(1)).forEach(page -> {
            assertEquals(1, page.keyCount());
            entries.addAll(prefixes(page));
            entries.addAll(keys(page));
        });
        assertEquals(List.of("bilder/", "index/", "readme.txt"), entries);
    }

    @Test
    void startAfterSkipsKeysUpToAndIncludingIt() {
        String bucket = filled();
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(bucket).startAfter("index/posts.json"));
        assertEquals(List.of("index/tags.json", "readme.txt"), keys(r));
        assertEquals("index/posts.json", r.startAfter());
    }

    @Test
    void keysThatNeedEncodingComeBackAsTheyWere() {
        List<String> odd = List.of("mapp med mellanslag/fil+plus.txt", "mapp med mellanslag/å&ö<>.txt");
        String bucket = bucketWith(odd);
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
        assertEquals(List.of("mapp med mellanslag/"), prefixes(r));
        assertEquals(odd, keys(s3.listObjectsV2(b -> b.bucket(bucket).prefix("mapp med mellanslag/"))));
    }

    /**
     * With encoding-type=url, as the AWS CLI asks for it, every key and prefix is URL-encoded, and the SDK decodes
     * them back: a "+" or a "%" in a key is not read as a space or an escape.
     */
    @Test
    void keysListedWithUrlEncodingComeBackAsTheyWere() {
        List<String> odd = List.of("mapp med mellanslag/100% fil+plus.txt", "mapp med mellanslag/å&ö<>.txt");
        String bucket = bucketWith(odd);
        ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/").encodingType(EncodingType.URL));
        assertEquals(List.of("mapp med mellanslag/"), prefixes(top));
        assertEquals(odd, keys(s3.listObjectsV2(b -> b.bucket(bucket).prefix("mapp med mellanslag/").encodingType(EncodingType.URL))));
    }
}
