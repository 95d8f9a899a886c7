package se.inlagg.emulator.dynamodb;

import java.nio.file.Path;

/** Thrown by {@link EmbeddedDynamoDb#start} when another process already serves the same data folder, since two writers would corrupt it. */
public final class DataDirectoryInUseException extends IllegalStateException {

    DataDirectoryInUseException(Path folder, String holder) {
        super("The DynamoDB data folder " + folder + " is in use by process " + holder
                + "; stop that process (or choose another data folder) and start again.");
    }
}
