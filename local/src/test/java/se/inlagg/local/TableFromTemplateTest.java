package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The local table has the template's stream, as CloudFormation would make it, and none where the template has none. */
@SameOnEveryBackend
class TableFromTemplateTest {

    private static final String TABLE = """
            Resources:
              Inlagg:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: Inlagg
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: PK, AttributeType: S}]
                  KeySchema: [{AttributeName: PK, KeyType: HASH}]
            """;

    @TempDir
    Path dir;

    @Test
    void aStreamSpecificationInTheTemplateTurnsTheStreamOnWithItsViewType() throws Exception {
        TableDescription table = created(TABLE + "      StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}\n");
        assertEquals(true, table.streamSpecification().streamEnabled());
        assertEquals("NEW_AND_OLD_IMAGES", table.streamSpecification().streamViewTypeAsString());
        assertEquals(true, table.latestStreamArn() != null, "a stream to read");
    }

    @Test
    void withoutOneTheTableHasNoStream() throws Exception {
        TableDescription table = created(TABLE);
        assertNull(table.streamSpecification());
        assertNull(table.latestStreamArn());
    }

    @Test
    void theRepositorysTableGetsExactlyTheStreamItsTemplateDeclares() throws Exception {
        Template template = Template.read(Repo.template());
        Object declared = Template.map(Template.map(template.table().getValue().get("Properties"))
                .get("StreamSpecification")).get("StreamViewType");
        TableDescription table = created(Files.readString(Repo.template()));
        assertEquals(declared, table.streamSpecification() == null ? null : table.streamSpecification().streamViewTypeAsString());
    }

    /**
     * What must be written down before a new table exists (the data folder's seeding mark) is, once: a kill -9 between
     * making the table and writing the mark after it would leave a folder whose examples are never added.
     */
    @Test
    void whatComesBeforeANewTableRunsWhileItIsMissingAndOnlyThen() throws Exception {
        Template template = Template.read(Files.writeString(dir.resolve("template.yaml"), TABLE));
        String name = TableFromTemplate.tableName(template);
        List<String> seen = new ArrayList<>();
        try (LocalDynamo dynamo = LocalDynamo.start(dir.resolve("data")); var client = dynamo.client()) {
            Runnable before = () -> seen.add(client.listTables().tableNames().contains(name) ? "there" : "missing");
            assertEquals(true, TableFromTemplate.ensure(client, template, name, true, before));
            assertEquals(false, TableFromTemplate.ensure(client, template, name, true, before));
        }
        assertEquals(List.of("missing"), seen);
    }

    private TableDescription created(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("template.yaml"), yaml);
        Template template = Template.read(file);
        try (LocalDynamo dynamo = LocalDynamo.start(dir.resolve("data")); var client = dynamo.client()) {
            TableFromTemplate.ensure(client, template);
            return client.describeTable(r -> r.tableName(TableFromTemplate.tableName(template))).table();
        }
    }
}
