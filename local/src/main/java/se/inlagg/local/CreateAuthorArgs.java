package se.inlagg.local;

import java.util.List;
import java.util.Optional;
import se.inlagg.posts.Byline;

/**
 * What {@code create-author} was asked for: the author's profile (name, and optionally role and
 * office, as bylines show them) and whether to write to the deployed table (--aws).
 */
record CreateAuthorArgs(Byline profile, boolean aws) {

    static final String USAGE = "create-author [--role ROLE] [--office OFFICE] [--aws] \"Name Surname\"";

    /** Options in any order before or after the name; the words that are not options make the name. */
    static CreateAuthorArgs parse(List<String> args) {
        Optional<String> role = Optional.empty();
        Optional<String> office = Optional.empty();
        boolean aws = false;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--aws")) {
                aws = true;
            } else if (arg.equals("--role") || arg.equals("--office")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                Optional<String> value = Optional.of(args.get(++i));
                if (arg.equals("--role")) {
                    role = value;
                } else {
                    office = value;
                }
            } else if (arg.startsWith("--role=")) {
                role = Optional.of(arg.substring("--role=".length()));
            } else if (arg.startsWith("--office=")) {
                office = Optional.of(arg.substring("--office=".length()));
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg);
            } else {
                name.append(name.isEmpty() ? "" : " ").append(arg.strip());
            }
        }
        if (name.isEmpty()) {
            throw new UsageException("the author needs a name");
        }
        return new CreateAuthorArgs(new Byline(name.toString(), role, office), aws);
    }
}
