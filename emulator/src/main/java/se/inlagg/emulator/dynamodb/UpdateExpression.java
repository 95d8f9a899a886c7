package se.inlagg.emulator.dynamodb;

import java.util.ArrayList;
import java.util.List;

/** A parsed update expression: its SET, REMOVE, ADD and DELETE actions. */
record UpdateExpression(List<Action> actions) {

    sealed interface Action {
        DocumentPath path();
    }

    record Set(DocumentPath path, Operand value) implements Action {
    }

    record Remove(DocumentPath path) implements Action {
    }

    record Add(DocumentPath path, Value value) implements Action {
    }

    record Delete(DocumentPath path, Value value) implements Action {
    }

    List<DocumentPath> paths() {
        List<DocumentPath> paths = new ArrayList<>();
        actions.forEach(a -> paths.add(a.path()));
        return paths;
    }
}
