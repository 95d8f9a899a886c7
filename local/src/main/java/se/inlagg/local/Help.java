package se.inlagg.local;

/** What `help` and each command's --help print. */
final class Help {

    private Help() {
    }

    static final String ALL = """
            usage: ./inlagg [command]      (or: java -jar local/target/inlagg-local.jar [command])

              serve          run the service (the default command); Ctrl-C stops it
              seed           add the two example posts to the data folder
              create-author  make an author and print their token once (--aws: in the deployed table)
              list-authors   every author's id, byline and tokens (--aws: the deployed table's)
              revoke-author  take an author's tokens and sessions away (a token leaked, someone left)
              new-token      give an existing author another token, printed once
              reindex        build the search index anew from every post (--aws: the deployed one)
              test [ARGS]    (./inlagg only) build and run every test: ./mvnw verify ARGS
              env            (./inlagg only) the settings that put a JDK 25 and the wrapper's Maven
                             first on PATH, for Maven commands of your own and sam build
              help [COMMAND] this text, or what COMMAND --help tells of one command

            Every command uses one data folder: DATA_DIR, else .inlagg beside template.yaml. While the
            server runs it holds that folder, and the other commands refuse it. With
            AWS_ENDPOINT_URL_DYNAMODB set, the server and every command use the table at that endpoint,
            and a command runs beside the server.
            """;

    static final String SERVE = """
            usage: ./inlagg serve

            Runs every function of template.yaml behind a local HTTP API, with the data in an embedded
            DynamoDB in the data folder. A new data folder starts with two example posts.

              PORT                       the port, on loopback only (3000)
              DATA_DIR                   the data folder (.inlagg beside template.yaml)
              INLAGG_DEV_TOKEN           a known author token for local writes (else one is made and
                                         saved in DATA_DIR/dev-token)
              INLAGG_SEED=false          start a new data folder without the example posts
              ACCESSIBILITY_STATEMENT_URL  the organisation's accessibility statement, linked from
                                         every page's footer
              AWS_ENDPOINT_URL_DYNAMODB  another DynamoDB endpoint instead of the embedded one
              AWS_ENDPOINT_URL_S3        another S3 endpoint (LocalStack's) for pictures and the
                                         search index, instead of the embedded one in the data folder
            """;

    static final String SEED = """
            usage: ./inlagg seed

            Adds the two example posts to the data folder (DATA_DIR, else .inlagg beside template.yaml),
            or to the table at AWS_ENDPOINT_URL_DYNAMODB when that is set, as for the server; running it
            again adds nothing. The server adds them itself when it starts on a new folder.
            Refused while the server runs on that folder: stop the server first.
            """;

    static final String CREATE_AUTHOR = """
            usage: ./inlagg %s

            Makes an author and prints their token, once: the table keeps only its SHA-256.

              --role, --office  the author's byline, e.g. --role frivårdsinspektör --office "Frivården Malmö"
              --aws             in the deployed table: TABLE_NAME (the stack's TableName output), with
                                the usual AWS settings (AWS_REGION, and AWS_PROFILE or keys)
              --                the end of the options, before a name that begins with a dash

            The name, role and office must pass the rules of a post's byline (a letter a–ö, or an accented one, or a digit
            in the name and the office, at most 100 characters each, one line).

            Without --aws the author goes into the local data folder (DATA_DIR, else .inlagg beside
            template.yaml). Refused while the server runs on that folder: stop the server first.
            """.formatted(CreateAuthorArgs.USAGE);

    static final String REVOKE_AUTHOR = """
            usage: ./inlagg revoke-author AUTHOR_ID [--aws]
                   ./inlagg revoke-author --token [--aws] < file-with-the-token

            Takes every token and session away from the author (the id create-author printed): the
            API refuses their tokens (within a minute: API Gateway keeps the authorizer's answer that
            long) and their signed-in pages ask them to sign in again, at once. The author and their
            posts stay; ./inlagg new-token AUTHOR_ID gives them a token again.

              --token  the author whose token this is (read from standard input, so that it shows in
                       no process list or shell history); the token itself goes too, however old
              --aws    in the deployed table: TABLE_NAME (the stack's TableName output), with the
                       usual AWS settings (AWS_REGION, and AWS_PROFILE or keys)

            Without --aws, in the local data folder (DATA_DIR, else .inlagg beside template.yaml).
            Refused while the server runs on that folder: stop the server first.
            """;

    static final String LIST_AUTHORS = """
            usage: ./inlagg list-authors [--aws]

            Lists every author by name: their id (what revoke-author and new-token take), byline,
            when they were made, and how many tokens and signed-in sessions they hold now (0 and 0
            after revoke-author). Queries find them, never a Scan. An author made before this list
            existed (2026-12-05) is found by their published posts, or once they save their profile;
            one with neither is not. A token made by a version before revoke-author is recorded
            nowhere, so not counted: revoke such a token by itself (revoke-author --token).

              --aws  in the deployed table: TABLE_NAME (the stack's TableName output), with the usual
                     AWS settings (AWS_REGION, and AWS_PROFILE or keys)

            Without --aws, in the local data folder (DATA_DIR, else .inlagg beside template.yaml).
            Refused while the server runs on that folder: stop the server first.
            """;

    static final String NEW_TOKEN = """
            usage: ./inlagg new-token AUTHOR_ID [--aws]

            Gives an existing author another token and prints it, once: the table keeps only its
            SHA-256. Their other tokens still work; revoke-author first to replace them all.

              --aws  in the deployed table: TABLE_NAME (the stack's TableName output), with the usual
                     AWS settings (AWS_REGION, and AWS_PROFILE or keys)

            Without --aws, in the local data folder (DATA_DIR, else .inlagg beside template.yaml).
            Refused while the server runs on that folder: stop the server first.
            """;

    static final String REINDEX = """
            usage: ./inlagg reindex [--aws]

            Builds the search index anew from every published post in the table (Queries, never a
            Scan) and makes it the current one. The index keeps itself up to date from the table's
            stream; this is for a new index, or one lost.

              --aws  in AWS: TABLE_NAME and SEARCH_BUCKET (the stack's TableName and SearchIndexBucketName
                     outputs), with the usual AWS settings (AWS_REGION, and AWS_PROFILE or keys), and
                     SITE_TIME_ZONE when the stack's SiteTimeZone is not Europe/Stockholm (the index
                     counts each post's month in it)

            Without --aws it indexes the local data folder (DATA_DIR, else .inlagg beside
            template.yaml). Refused while the server runs on that folder: stop the server first.
            """;
}
