package se.inlagg.emulator.dynamodb;

import java.nio.file.Path;
import se.inlagg.emulator.DataFolderInUseException;

/** Thrown by {@link EmbeddedDynamoDb#start} when another process already serves the same data folder, since two writers would corrupt it. */
public final class DataDirectoryInUseException extends DataFolderInUseException {

    DataDirectoryInUseException(Path folder, String holder) {
        super("DynamoDB", folder, holder);
    }
}
