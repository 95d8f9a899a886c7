package se.inlagg.local;

import java.nio.file.Path;
import java.util.Optional;
import se.inlagg.emulator.dynamodb.DataDirectoryInUseException;

/** The one line a command prints when another process holds its data folder: who holds it, and what to do. */
final class FolderInUse {

    private FolderInUse() {
    }

    static String message(String command, Path folder, DataDirectoryInUseException refused) {
        Optional<DataFolder.RunningServer> server = DataFolder.server(folder)
                .filter(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false));
        if (server.isEmpty()) {
            // Not a server of ours (or one killed outright whose lock the system has not yet let go).
            return "inlagg " + command + ": " + refused.getMessage();
        }
        String remedy = switch (command) {
            case "serve" -> "it is already running there. Stop it first, or start this one with another DATA_DIR.";
            case "create-author" -> "stop it (Ctrl-C where it runs) and run create-author again. Until then, write with"
                    + " the server's own author token, printed at its start and saved in " + folder.resolve(LocalServer.DEV_TOKEN_FILE) + ".";
            default -> "stop it (Ctrl-C where it runs) and run " + command + " again.";
        };
        return "inlagg " + command + ": " + folder + " is in use by the Inlägg server at " + server.get().url()
                + " (pid " + server.get().pid() + "); " + remedy;
    }
}
