package se.inlagg.emulator.dynamodb;

/** A value inside an expression: a path, a :value, size(path), or in SET the arithmetic and functions. */
sealed interface Operand {

    record Path(DocumentPath path) implements Operand {
    }

    record Literal(String ref, Value value) implements Operand {
    }

    record Size(DocumentPath path) implements Operand {
    }

    record Arithmetic(Operand left, char op, Operand right) implements Operand {
    }

    record IfNotExists(DocumentPath path, Operand fallback) implements Operand {
    }

    record ListAppend(Operand first, Operand second) implements Operand {
    }
}
