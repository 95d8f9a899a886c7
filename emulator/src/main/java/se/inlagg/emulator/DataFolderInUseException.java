package se.inlagg.emulator;

import java.nio.file.Path;

/**
 * Thrown when an emulator is started on a data folder that another process (or another emulator
 * in this one) already serves, since two writers would corrupt it.
 */
public class DataFolderInUseException extends IllegalStateException {

    /** @param service the emulated service, as people name it ("DynamoDB", "S3") */
    public DataFolderInUseException(String service, Path folder, String holder) {
        super("The " + service + " data folder " + folder + " is in use by process " + holder
                + "; stop that process (or choose another data folder) and start again.");
    }
}
