package se.inlagg.local.runtime;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.local.DynamoForTests;
import se.inlagg.local.S3ForTests;
import se.inlagg.search.S3IndexFiles;
import se.inlagg.search.SearchService;

/**
 * What a search function needs besides its table: a bucket of its own on the tests' S3, named in its
 * environment with the S3 endpoint (AWS_ENDPOINT_URL_S3, as the SDK reads it), and when asked, the index
 * built from the seeded table first, as the indexer would have: for the functions that search, and in the
 * benchmark for the indexer too, whose batches then update it as they do in production.
 */
final class SearchFixture {

    private SearchFixture() {
    }

    static boolean needs(FunctionSpec function) {
        return function.environment().containsKey(Settings.SEARCH_BUCKET);
    }

    /** The function ready to run against its own bucket; as it was when it has nothing to do with search. */
    static FunctionSpec prepare(FunctionSpec function, S3ForTests s3, DynamoForTests dynamo, String table, boolean buildIndex) {
        if (!needs(function)) {
            return function;
        }
        String bucket = s3.newBucket(function.id());
        if (buildIndex) {
            service(s3, dynamo, table, bucket, ZoneId.of(function.environment().get(Settings.SITE_TIME_ZONE))).rebuild();
        }
        return function.withEnvironment(Settings.SEARCH_BUCKET, bucket).withEnvironment("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
    }

    /** Search over one bucket and table, as the functions see them: for building an index, or checking one. */
    static SearchService service(S3ForTests s3, DynamoForTests dynamo, String table, String bucket, ZoneId zone) {
        var settings = new Settings(table, zone).withSearchBucket(bucket);
        return Wiring.withSearchIndex(dynamo.client(), settings, Clock.systemUTC(), () -> new S3IndexFiles(s3.client(), bucket)).search();
    }
}
