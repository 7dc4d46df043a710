package dev.ludus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version of this build (from the Maven project version). */
public final class Version implements CommandLine.IVersionProvider {
    public static String number() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // fall back below
        }
        return p.getProperty("version", "unknown");
    }

    public static String line() {
        return "ludus " + number() + " (Ludus -> JVM bytecode; Java " + System.getProperty("java.version")
                + " at " + System.getProperty("java.home") + "; processes: "
                + dev.ludus.runtime.process.Processes.backendName() + ")";
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
