package se.inlagg.emulator.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.inlagg.emulator.dynamodb.ExpressionLexer.Kind;
import se.inlagg.emulator.dynamodb.ExpressionLexer.Token;

/**
 * Recursive-descent parser for DynamoDB's condition, update and projection expressions. Names and
 * values are resolved while parsing, so evaluation never sees a #name or :value.
 */
final class ExpressionParser {

    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private final String expression;
    private final String kind;
    private final ExpressionAttributes attributes;
    private final List<Token> tokens;
    private int position;

    private ExpressionParser(String expression, String kind, ExpressionAttributes attributes) {
        this.expression = expression;
        this.kind = kind;
        this.attributes = attributes;
        if (expression.isBlank()) {
            throw ServiceError.validation("Invalid " + kind + ": The expression can not be empty;");
        }
        this.tokens = ExpressionLexer.tokens(expression, kind);
    }

    static Condition condition(String expression, String kind, ExpressionAttributes attributes) {
        ExpressionParser p = new ExpressionParser(expression, kind, attributes);
        Condition c = p.or();
        p.expectEnd();
        return c;
    }

    static UpdateExpression update(String expression, ExpressionAttributes attributes) {
        ExpressionParser p = new ExpressionParser(expression, "UpdateExpression", attributes);
        return p.updateClauses();
    }

    static List<DocumentPath> projection(String expression, ExpressionAttributes attributes) {
        ExpressionParser p = new ExpressionParser(expression, "ProjectionExpression", attributes);
        List<DocumentPath> paths = new ArrayList<>();
        do {
            paths.add(p.path());
        } while (p.accept(","));
        p.expectEnd();
        p.checkNoOverlap(paths);
        return paths;
    }

    // Conditions -------------------------------------------------------------------------------

    private Condition or() {
        Condition c = and();
        while (peek().isWord("OR")) {
            next();
            c = new Condition.Or(c, and());
        }
        return c;
    }

    private Condition and() {
        Condition c = not();
        while (peek().isWord("AND")) {
            next();
            c = new Condition.And(c, not());
        }
        return c;
    }

    private Condition not() {
        if (peek().isWord("NOT")) {
            next();
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (accept("(")) {
            Condition c = or();
            expect(")");
            return c;
        }
        Token t = peek();
        if (t.kind() == Kind.NAME && peekAt(1).is("(") && !t.text().equals("size")) {
            return function();
        }
        Operand left = operand();
        Token op = next();
        if (op.kind() == Kind.SYMBOL && COMPARATORS.contains(op.text())) {
            return new Condition.Compare(op.text(), left, operand());
        }
        if (op.isWord("BETWEEN")) {
            Operand low = operand();
            if (!next().isWord("AND")) {
                throw syntax(tokens.get(position - 1));
            }
            Operand high = operand();
            if (low instanceof Operand.Literal l && high instanceof Operand.Literal h && KeyOrder.comparable(l.value(), h.value())
                    && KeyOrder.INSTANCE.compare(l.value(), h.value()) > 0) {
                throw invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower operand: AttributeValue: {"
                        + l.value().type() + ":" + l.value().display() + "}, upper operand: AttributeValue: {" + h.value().type() + ":" + h.value().display() + "}");
            }
            return new Condition.Between(left, low, high);
        }
        if (op.isWord("IN")) {
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand());
            } while (accept(","));
            expect(")");
            if (candidates.size() > 100) {
                throw invalid("Too many operands for the IN operator; count: " + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        throw syntax(op);
    }

    private Condition function() {
        Token name = next();
        expect("(");
        Condition c = switch (name.text()) {
            case "attribute_exists" -> new Condition.Exists(path());
            case "attribute_not_exists" -> new Condition.NotExists(path());
            case "attribute_type" -> {
                DocumentPath path = path();
                expect(",");
                Operand type = operand();
                if (type instanceof Operand.Literal l && !(l.value() instanceof Value.S s && TYPE_NAMES.contains(s.value()))) {
                    throw invalid("Invalid attribute type name found in type function; type: " + l.value().display());
                }
                yield new Condition.TypeIs(path, type);
            }
            case "begins_with" -> {
                Operand value = operand();
                expect(",");
                Operand prefix = operand();
                requireStringOrBinary("begins_with", value);
                requireStringOrBinary("begins_with", prefix);
                yield new Condition.BeginsWith(value, prefix);
            }
            case "contains" -> {
                Operand value = operand();
                expect(",");
                yield new Condition.Contains(value, operand());
            }
            default -> throw invalid("Invalid function name; function: " + name.text());
        };
        expect(")");
        return c;
    }

    private void requireStringOrBinary(String function, Operand operand) {
        if (operand instanceof Operand.Literal l && !(l.value() instanceof Value.S || l.value() instanceof Value.B)) {
            throw invalid("Incorrect operand type for operator or function; operator or function: " + function
                    + ", operand type: " + l.value().type());
        }
    }

    private Operand operand() {
        Token t = peek();
        if (t.kind() == Kind.VALUE_REF) {
            next();
            return new Operand.Literal(t.text(), attributes.value(t.text(), kind));
        }
        if (t.kind() == Kind.NAME && t.text().equals("size") && peekAt(1).is("(")) {
            next();
            next();
            DocumentPath path = path();
            expect(")");
            return new Operand.Size(path);
        }
        if (t.kind() == Kind.NAME && peekAt(1).is("(")) {
            throw invalid("Invalid function name; function: " + t.text());
        }
        return new Operand.Path(path());
    }

    // Paths -------------------------------------------------------------------------------------

    private DocumentPath path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(".")) {
                elements.add(pathName());
            } else if (accept("[")) {
                Token index = next();
                if (index.kind() != Kind.NUMBER) {
                    throw syntax(index);
                }
                elements.add(Integer.parseInt(index.text()));
                expect("]");
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private String pathName() {
        Token t = next();
        if (t.kind() == Kind.NAME_REF) {
            return attributes.name(t.text(), kind);
        }
        if (t.kind() != Kind.NAME) {
            throw syntax(t);
        }
        if (ReservedWords.contains(t.text())) {
            throw invalid("Attribute name is a reserved keyword; reserved keyword: " + t.text());
        }
        return t.text();
    }

    // Updates -----------------------------------------------------------------------------------

    private UpdateExpression updateClauses() {
        List<UpdateExpression.Action> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            Token clause = next();
            String name = clause.kind() == Kind.NAME ? clause.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(name)) {
                throw syntax(clause);
            }
            if (!seen.add(name)) {
                throw invalid("The \"" + name + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(name));
            } while (accept(","));
        } while (peek().kind() != Kind.EOF);
        checkNoOverlap(actions.stream().map(UpdateExpression.Action::path).toList());
        return new UpdateExpression(actions);
    }

    private UpdateExpression.Action action(String clause) {
        DocumentPath path = path();
        return switch (clause) {
            case "SET" -> {
                expect("=");
                yield new UpdateExpression.Set(path, setValue());
            }
            case "REMOVE" -> new UpdateExpression.Remove(path);
            case "ADD" -> {
                Value v = literal();
                if (!(v instanceof Value.N || v instanceof Value.SS || v instanceof Value.NS || v instanceof Value.BS)) {
                    throw invalid("Incorrect operand type for operator or function; operator: ADD, operand type: " + typeWord(v));
                }
                yield new UpdateExpression.Add(path, v);
            }
            default -> {
                Value v = literal();
                if (!(v instanceof Value.SS || v instanceof Value.NS || v instanceof Value.BS)) {
                    throw invalid("Incorrect operand type for operator or function; operator: DELETE, operand type: " + typeWord(v));
                }
                yield new UpdateExpression.Delete(path, v);
            }
        };
    }

    private static String typeWord(Value v) {
        return switch (v.type()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> v.type();
        };
    }

    private Value literal() {
        Token t = next();
        if (t.kind() != Kind.VALUE_REF) {
            throw syntax(t);
        }
        return attributes.value(t.text(), kind);
    }

    private Operand setValue() {
        Operand left = setOperand();
        if (peek().is("+") || peek().is("-")) {
            char op = next().text().charAt(0);
            return new Operand.Arithmetic(left, op, setOperand());
        }
        return left;
    }

    private Operand setOperand() {
        Token t = peek();
        if (t.kind() == Kind.NAME && peekAt(1).is("(")) {
            next();
            next();
            Operand result = switch (t.text()) {
                case "if_not_exists" -> {
                    DocumentPath path = path();
                    expect(",");
                    yield new Operand.IfNotExists(path, setValue());
                }
                case "list_append" -> {
                    Operand first = setValue();
                    expect(",");
                    yield new Operand.ListAppend(first, setValue());
                }
                default -> throw invalid("Invalid function name; function: " + t.text());
            };
            expect(")");
            return result;
        }
        if (t.kind() == Kind.VALUE_REF) {
            next();
            return new Operand.Literal(t.text(), attributes.value(t.text(), kind));
        }
        return new Operand.Path(path());
    }

    private void checkNoOverlap(List<DocumentPath> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw invalid("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                            + paths.get(i).described() + ", path two: " + paths.get(j).described());
                }
            }
        }
    }

    // Tokens ------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(position);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(position);
        if (t.kind() != Kind.EOF) {
            position++;
        }
        return t;
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        Token t = next();
        if (!t.is(symbol)) {
            throw syntax(t);
        }
    }

    private void expectEnd() {
        if (peek().kind() != Kind.EOF) {
            throw syntax(peek());
        }
    }

    private ServiceError syntax(Token t) {
        return ExpressionLexer.syntax(kind, expression, t.text(), t.at());
    }

    private ServiceError invalid(String detail) {
        return ServiceError.validation("Invalid " + kind + ": " + detail);
    }
}
