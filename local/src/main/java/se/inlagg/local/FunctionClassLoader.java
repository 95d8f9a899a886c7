package se.inlagg.local;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the functions' code afresh for each server start, as a new Lambda container would: static
 * state (clients, the wiring) starts empty, so a restart test restarts for real. Only the Lambda
 * core interfaces are shared with the server, which is what the Java runtime provides too.
 */
final class FunctionClassLoader extends URLClassLoader {

    private static final String CORE = "com.amazonaws.services.lambda.runtime.";
    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

    FunctionClassLoader(ClassLoader server) {
        super("inlagg-functions", classpath(), server);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        boolean shared = name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || (name.startsWith(CORE) && !name.startsWith(EVENTS));
        if (shared) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    c = super.loadClass(name, false);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private static URL[] classpath() {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                urls.add(new File(entry).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("bad class path entry " + entry, e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
