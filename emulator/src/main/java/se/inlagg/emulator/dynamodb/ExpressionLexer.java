package se.inlagg.emulator.dynamodb;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; names, #name and :value references, numbers and operators. */
final class ExpressionLexer {

    enum Kind { NAME, NAME_REF, VALUE_REF, NUMBER, SYMBOL, EOF }

    record Token(Kind kind, String text, int at) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isWord(String word) {
            return kind == Kind.NAME && text.equalsIgnoreCase(word);
        }
    }

    private ExpressionLexer() {
    }

    static List<Token> tokens(String expression, String kind) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || c == ':') {
                int end = wordEnd(expression, i + 1);
                if (end == i + 1) {
                    throw syntax(kind, expression, String.valueOf(c), i);
                }
                tokens.add(new Token(c == '#' ? Kind.NAME_REF : Kind.VALUE_REF, expression.substring(i, end), i));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < n && Character.isDigit(expression.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, expression.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = wordEnd(expression, i);
                tokens.add(new Token(Kind.NAME, expression.substring(i, end), i));
                i = end;
            } else if (expression.startsWith("<>", i) || expression.startsWith("<=", i) || expression.startsWith(">=", i)) {
                tokens.add(new Token(Kind.SYMBOL, expression.substring(i, i + 2), i));
                i += 2;
            } else if ("()[],.=<>+-".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw ServiceError.validation("Invalid " + kind + ": Syntax error; token: \"" + c + "\", near: \""
                        + near(expression, i) + "\"");
            }
        }
        tokens.add(new Token(Kind.EOF, "<EOF>", n));
        return tokens;
    }

    private static int wordEnd(String s, int from) {
        int end = from;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        return end;
    }

    static ServiceError syntax(String kind, String expression, String token, int at) {
        return ServiceError.validation("Invalid " + kind + ": Syntax error; token: \"" + token + "\", near: \""
                + near(expression, at) + "\"");
    }

    private static String near(String expression, int at) {
        int from = Math.max(0, at - 10);
        int to = Math.min(expression.length(), at + 10);
        return expression.substring(from, to).strip();
    }
}
