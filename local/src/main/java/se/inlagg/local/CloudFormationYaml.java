package se.inlagg.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation template written in YAML. The short forms of intrinsic functions
 * (!Ref, !GetAtt, !Sub, …) become their long forms ({"Ref": …}, {"Fn::GetAtt": […]}), as
 * CloudFormation itself reads them.
 */
final class CloudFormationYaml {

    private static final Map<String, String> SHORT_FORMS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Condition", "Condition"));

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml(new Intrinsics()).load(reader);
        }
    }

    private static final class Intrinsics extends SafeConstructor {
        Intrinsics() {
            super(new LoaderOptions());
            SHORT_FORMS.forEach((tag, longForm) -> yamlConstructors.put(new Tag(tag), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object value = switch (node) {
                        case ScalarNode s when longForm.equals("Fn::GetAtt") -> List.of(s.getValue().split("\\.", 2));
                        case ScalarNode s -> s.getValue();
                        case SequenceNode s -> constructSequence(s);
                        case MappingNode m -> constructMapping(m);
                        default -> throw new IllegalArgumentException("unexpected node for " + tag);
                    };
                    Map<String, Object> wrapped = new LinkedHashMap<>();
                    wrapped.put(longForm, value);
                    return wrapped;
                }
            }));
        }
    }
}
