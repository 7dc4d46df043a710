package dev.ludus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "new", description = {
        "Create a Maven project for a Ludus program in a new directory NAME.",
        "It has a pom.xml using the Ludus Maven plugin, the program in src/main/ludus/main.ld (with a small module it imports) and a test in src/test/ludus. `mvn package` in it writes a runnable jar."},
        footer = {"", "Example:", "  ludus new hello && cd hello && mvn package && java -jar target/hello-0.1.0-app.jar", "", Main.EXIT_STATUS})
final class NewCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "NAME", description = "The project's name (letters, digits, `-`, `_`, `.`): its directory and Maven artifactId.")
    String name;

    /** Template resource (under dev/ludus/cli/new/) -> path in the project. */
    static final Map<String, String> FILES = new LinkedHashMap<>();
    static {
        FILES.put("pom.xml", "pom.xml");
        FILES.put("README.md", "README.md");
        FILES.put("main.ld", "src/main/ludus/main.ld");
        FILES.put("greeting.ld", "src/main/ludus/greeting.ld");
        FILES.put("greeting_test.ld", "src/test/ludus/greeting_test.ld");
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    @Override
    public Integer call() {
        Path dir = Path.of(name);
        String base = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (!NAME.matcher(base).matches()) {
            throw new Main.UserError("cannot use '" + name + "' as a project name: use letters, digits, '-', '_' and '.'");
        }
        if (Files.exists(dir)) throw new Main.UserError("cannot create " + dir + ": it already exists");
        try {
            for (var f : FILES.entrySet()) {
                Path to = dir.resolve(f.getValue());
                Files.createDirectories(to.getParent());
                Files.writeString(to, template(f.getKey(), base, Version.number()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new Main.UserError("cannot create " + dir + ": " + e.getMessage());
        }
        main.err.println("created " + dir + "/ (pom.xml, src/main/ludus/main.ld, src/test/ludus/greeting_test.ld); next:");
        main.err.println("  cd " + dir + " && mvn package && java -jar target/" + base + "-0.1.0-app.jar");
        return Main.EXIT_OK;
    }

    /** A template file with {@code @name@} and {@code @version@} filled in. */
    static String template(String resource, String name, String version) throws IOException {
        try (InputStream in = NewCommand.class.getResourceAsStream("new/" + resource)) {
            if (in == null) throw new IOException("template " + resource + " is missing from the ludus jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@name@", name).replace("@version@", version);
        }
    }
}
