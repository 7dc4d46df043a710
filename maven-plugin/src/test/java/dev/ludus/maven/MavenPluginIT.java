package dev.ludus.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End-to-end test of the plugin as a user meets it: a sample project (src/it/sample: app.ld
 * imports lib.ld; a test file with a passing and a failing test) is built by a separate Maven
 * process using the plugin that invoker:install put in a local repository under target/
 * (never the shared ~/.m2, which is only read, as a file:// repository, for the other plugins).
 * Run by failsafe in {@code mvn verify}. The steps build on each other, so they run in order
 * on one copy of the sample; each Maven log is kept in target/it/logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MavenPluginIT {
    static Path work, project, logs, settings;
    static int runs;

    record Run(int exit, String log) {
        Run succeeded() {
            if (exit != 0) fail("expected the build to succeed:\n" + tail());
            return this;
        }
        Run failed() {
            if (exit == 0) fail("expected the build to fail:\n" + tail());
            return this;
        }
        Run contains(String text) {
            if (!log.contains(text)) fail("the build log lacks \"" + text + "\":\n" + tail());
            return this;
        }
        Run lacks(String text) {
            if (log.contains(text)) fail("the build log has \"" + text + "\":\n" + tail());
            return this;
        }
        String tail() {
            List<String> lines = log.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    static String prop(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) throw new IllegalStateException("system property " + name + " is not set (run this test with mvn verify)");
        return v;
    }

    @BeforeAll
    static void copySample() throws IOException {
        work = Path.of(prop("it.work"));
        project = work.resolve("sample");
        logs = work.resolve("logs");
        deleteTree(work);
        Path sample = Path.of(prop("it.sample"));
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = project.resolve(sample.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.writeString(to, Files.readString(f, StandardCharsets.UTF_8).replace("@project.version@", prop("it.version")));
                }
            }
        }
        Files.createDirectories(logs);
        settings = work.resolve("settings.xml");
        String upstream = Path.of(prop("it.upstream")).toUri().toString();
        Files.writeString(settings, """
                <settings>
                  <pluginGroups><pluginGroup>dev.ludus</pluginGroup></pluginGroups>
                  <profiles>
                    <profile>
                      <id>it-upstream</id>
                      <!-- the developer's/CI's local repository, read-only: the other plugins come from there
                           (a local repository keeps no checksum files, hence checksumPolicy ignore) -->
                      <repositories><repository><id>it-upstream</id><url>%1$s</url>
                        <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository></repositories>
                      <pluginRepositories><pluginRepository><id>it-upstream</id><url>%1$s</url>
                        <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>it-upstream</activeProfile></activeProfiles>
                </settings>
                """.formatted(upstream));
    }

    /** Runs Maven on the sample project with the IT's local repository. */
    static Run mvn(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        String home = System.getProperty("it.maven.home", "");
        boolean windows = File.separatorChar == '\\';
        cmd.add(home.isBlank() ? "mvn" : Path.of(home, "bin", windows ? "mvn.cmd" : "mvn").toString());
        cmd.addAll(List.of("-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + prop("it.repo")));
        if (Boolean.parseBoolean(System.getProperty("it.offline", "false"))) {
            cmd.addAll(List.of("-o", "-Daether.offline.protocols=file")); // offline, but the file:// upstream stays readable
        }
        cmd.addAll(List.of(args));
        Path log = logs.resolve(String.format("%02d-%s.log", ++runs, String.join("_", args).replaceAll("[^A-Za-z0-9._-]+", "_")));
        Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("mvn " + String.join(" ", args) + " took more than 5 minutes; see " + log);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static String javaJar(Path jar) throws Exception {
        Path out = logs.resolve("java-" + (++runs) + ".out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -jar timed out");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    /** Sets a file's modification time to now, and certainly later than it was. */
    static void touch(String rel) throws IOException {
        Path f = project.resolve(rel);
        long now = System.currentTimeMillis();
        long was = Files.getLastModifiedTime(f).toMillis();
        Files.setLastModifiedTime(f, FileTime.fromMillis(Math.max(now, was + 1000)));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }

    /** What the app jar prints: a compiled program leaves out the `=> value` line of `ludus run`. */
    static final String PROGRAM_OUTPUT = "Hello, Maven!\n144\n";

    @Test @Order(1)
    void packageBuildsARunnableJar() throws Exception {
        mvn("-DskipTests", "package").succeeded()
                .contains("Compiling 2 Ludus source files to target/classes")
                .contains("Ludus tests are skipped.");
        Path jar = project.resolve("target/sample-1.0-app.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar);
        assertEquals(PROGRAM_OUTPUT, javaJar(jar));
    }

    @Test @Order(2)
    void anUntouchedBuildCompilesNothing() throws Exception {
        mvn("compile").succeeded()
                .contains("Nothing to compile - all 2 Ludus source files are up to date")
                .lacks("Compiling ");
    }

    @Test @Order(3)
    void touchingTheImportedFileRecompilesItsImporterToo() throws Exception {
        touch("src/main/ludus/lib.ld");
        mvn("compile").succeeded()
                .contains("Compiling 2 Ludus source files to target/classes")
                .contains("Compiled app.ld, lib.ld");
        touch("src/main/ludus/app.ld");
        mvn("compile").succeeded()
                .contains("Compiling 1 Ludus source file to target/classes (1 up to date)")
                .contains("Compiled app.ld");
    }

    @Test @Order(4)
    void aFailingTestFailsTheBuildAndIsReported() throws Exception {
        mvn("test").failed()
                .contains("Running src/test/ludus/lib_test.ld")
                .contains("[INFO] test \"square\" passed")
                .contains("[ERROR] test \"greet\" FAILED on line 4: eq? (\"Hello, Maven!\", \"Hello, World!\") is false")
                .contains("2 tests: 1 passed, 1 failed")
                .contains("There are Ludus test failures: src/test/ludus/lib_test.ld: 1 of 2 tests failed");
        mvn("test", "-Dmaven.test.skip=true").succeeded().contains("Ludus tests are skipped.");
    }

    @Test @Order(5)
    void withTheTestFixedTheFullPackageBuildPasses() throws Exception {
        Path t = project.resolve("src/test/ludus/lib_test.ld");
        Files.writeString(t, Files.readString(t).replace("\"Hello, World!\"", "\"Hello, Maven!\""));
        mvn("package").succeeded()
                .contains("[INFO] test \"greet\" passed")
                .contains("2 tests: 2 passed, 0 failed")
                .contains("Nothing to compile");
        assertEquals(PROGRAM_OUTPUT, javaJar(project.resolve("target/sample-1.0-app.jar")));
    }

    @Test @Order(6)
    void runGoalByPrefix() throws Exception {
        mvn("ludus:run", "-Dludus.main=src/main/ludus/lib.ld").succeeded().lacks("Hello, Maven!");
        // without -Dludus.main: the configured <mainModule>
        mvn("ludus:run").succeeded()
                .contains("Hello, Maven!\n144\n=> :done");
    }

    /** `ludus new NAME` makes a project that `mvn package` turns into a runnable jar (the templates, filled in as NewCommand does). */
    @Test @Order(8)
    void aNewProjectBuildsAndRuns() throws Exception {
        Path template = Path.of(prop("it.newTemplate"));
        Path dir = work.resolve("hello-ludus");
        String[][] files = {{"pom.xml", "pom.xml"}, {"main.ld", "src/main/ludus/main.ld"},
                {"greeting.ld", "src/main/ludus/greeting.ld"}, {"greeting_test.ld", "src/test/ludus/greeting_test.ld"}};
        for (String[] f : files) {
            Path to = dir.resolve(f[1]);
            Files.createDirectories(to.getParent());
            Files.writeString(to, Files.readString(template.resolve(f[0]), StandardCharsets.UTF_8)
                    .replace("@name@", "hello-ludus").replace("@version@", prop("it.version")));
        }
        Path saved = project;
        project = dir;
        try {
            mvn("package").succeeded().contains("test \"hello greets by name\" passed");
            assertEquals("Hello, world!\n", javaJar(dir.resolve("target/hello-ludus-0.1.0-app.jar")));
            mvn("ludus:run").succeeded().contains("Hello, world!\n=> :ok");
        } finally {
            project = saved;
        }
    }

    @Test @Order(7)
    void aSyntaxErrorFailsTheBuildWithItsPosition() throws Exception {
        Path lib = project.resolve("src/main/ludus/lib.ld");
        Files.writeString(lib, Files.readString(lib).replace("mult (x, x)", "mult (x, x"));
        mvn("compile").failed()
                .contains("[ERROR] src/main/ludus/lib.ld:5:25: expected an expression, found end of input")
                .contains("Ludus compilation failed: 1 error (in app.ld, lib.ld)");
        assertFalse(Files.exists(project.resolve("target/classes/ludus/M_app.class")), "a stale class was left behind");
    }
}
