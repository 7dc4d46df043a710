package dev.ludus.cli;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.JarWriter;
import dev.ludus.compiler.diagnostic.CompileErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "compile", description = {
        "Compile a Ludus program to a runnable jar.",
        "The jar holds the program and the Ludus runtime, so it runs anywhere with `java -jar OUT.jar` (options: --seed N, --print-result, --svg/--png PATH).",
        "With -d, only the program's .class files are written; run them with the Ludus runtime on the class path."}, footer = {"", "Examples:", "  ludus compile examples/hello.ld -o hello.jar && java -jar hello.jar", "  ludus compile examples/hello.ld --archive && java -XX:SharedArchiveFile=hello.jsa -jar hello.jar", "  ludus compile examples/hello.ld -d classes", "", Main.EXIT_STATUS})
final class CompileCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The program (`-` reads it from standard input).")
    String file;

    @ArgGroup(exclusive = true)
    Output output;

    static final class Output {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT.jar", description = "The jar to write (default: FILE's name with .jar).")
        Path jar;

        @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "Write the generated .class files under DIR instead.")
        Path dir;
    }

    @Option(names = "--archive", description = "Also write OUT.jsa beside the jar: a class-data-sharing archive of its classes for the Java running this command, "
            + "with which `java -XX:SharedArchiveFile=OUT.jsa -jar OUT.jar` starts faster (that Java only; write it again after recompiling).")
    boolean archive;

    @Override
    public Integer call() {
        try (SourceInput in = SourceInput.open(file, main.in)) {
            CompiledProgram program;
            try {
                program = ProgramRunner.compile(in.path(), in.displayName());
            } catch (CompileErrors e) {
                return ProgramRunner.reportCompileErrors(e, main.out, main.err);
            } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
                return ProgramRunner.compileFailed(e, in.displayName(), main.out, main.err);
            }
            if (output != null && output.dir != null) {
                if (archive) throw new Main.UserError("--archive is for a jar (-o), not for classes (-d)");
                try {
                    JarWriter.writeClasses(program, output.dir);
                } catch (IOException e) {
                    throw new Main.UserError("cannot write classes to " + output.dir + ": " + JarWriter.describe(e));
                }
                main.err.println("wrote the classes of " + in.displayName() + " to " + output.dir
                        + " (main class " + program.mainClass() + "; the Ludus runtime must be on the class path)");
                return Main.EXIT_OK;
            }
            Path jar = output != null && output.jar != null ? output.jar : Path.of(in.baseName() + ".jar");
            try {
                JarWriter.writeJar(program, jar);
            } catch (IOException e) {
                throw new Main.UserError("cannot write " + jar + ": " + JarWriter.describe(e));
            }
            if (!archive) {
                main.err.println("wrote " + jar + "; run it with: java -jar " + jar);
                return Main.EXIT_OK;
            }
            Path jsa = archiveFor(jar);
            String failed = JarArchive.write(jar, jsa);
            if (failed != null) throw new Main.UserError("wrote " + jar + ", but not its archive " + jsa + ": " + failed);
            main.err.println("wrote " + jar + " and " + jsa + "; run it with: " + JarArchive.java() + " -XX:SharedArchiveFile=" + jsa
                    + " -jar " + jar + " (the archive fits that Java and this jar only)");
            return Main.EXIT_OK;
        }
    }

    /** OUT.jsa beside OUT.jar (OUT.jsa appended to a name without .jar). */
    static Path archiveFor(Path jar) {
        String name = jar.getFileName().toString();
        String base = name.endsWith(".jar") && name.length() > 4 ? name.substring(0, name.length() - 4) : name;
        return jar.resolveSibling(base + ".jsa");
    }
}
