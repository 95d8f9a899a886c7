package se.inlagg.emulator.dynamodb;

import java.util.List;

/** A parsed condition, filter or key-condition expression. */
sealed interface Condition {

    record Compare(String op, Operand left, Operand right) implements Condition {
    }

    record Between(Operand value, Operand low, Operand high) implements Condition {
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
    }

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }

    record Not(Condition inner) implements Condition {
    }

    record Exists(DocumentPath path) implements Condition {
    }

    record NotExists(DocumentPath path) implements Condition {
    }

    record TypeIs(DocumentPath path, Operand type) implements Condition {
    }

    record BeginsWith(Operand value, Operand prefix) implements Condition {
    }

    record Contains(Operand value, Operand part) implements Condition {
    }
}
