package dev.ludus.compiler;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.ReferenceReport;
import dev.ludus.compiler.emit.ProgramEmitter;
import dev.ludus.compiler.resolve.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Build-time tool (run by the stdlib module's build): compiles the Ludus half of the prelude,
 * {@code prelude.ld}, to the class {@value #CLASS} in the given output directory. The file must
 * end with a pkg listing what it exports; the runtime's Prelude merges those members into the
 * prelude scope.
 */
public final class StdlibBuilder {
    public static final String CLASS = "dev.ludus.stdlib.LudusPrelude";

    private StdlibBuilder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StdlibBuilder PRELUDE.ld OUTPUT_DIR");
            System.exit(2);
        }
        // the prelude's own names must not count as prelude names while it is compiled
        System.setProperty("ludus.prelude.builtinsOnly", "true");
        Path src = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Program program;
        CompiledProgram compiled;
        try {
            program = LudusCompiler.analyse(src, "<prelude>/" + src.getFileName());
            if (program.modules().size() != 1 || program.main().exports() == null) {
                throw new IllegalStateException("prelude.ld must import nothing and end with a pkg of its exports");
            }
            compiled = ProgramEmitter.emit(program, CLASS, true);
        } catch (CompileErrors e) {
            System.err.print(ReferenceReport.render(e.diagnostics()));
            throw new IllegalStateException("the prelude does not compile");
        }
        for (Map.Entry<String, byte[]> e : compiled.classes().entrySet()) {
            Path file = out.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        // Silent on success: a `mvn -q` build prints nothing but errors.
    }
}
