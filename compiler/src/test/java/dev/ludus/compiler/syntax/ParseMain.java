package dev.ludus.compiler.syntax;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.ReferenceReport;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debugging aid: parse files (or -e source) and print the tree or the §11 report. */
final class ParseMain {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("-t")) {
            SourceText src = new SourceText("t", null, Files.readString(Path.of(args[1])));
            for (int k = 0; k < 5; k++) {
                long t0 = System.nanoTime();
                LudusParser.parse(src);
                System.out.println((System.nanoTime() - t0) / 1_000_000 + " ms");
            }
            return;
        }
        for (int i = 0; i < args.length; i++) {
            SourceText src = args[i].equals("-e")
                    ? new SourceText("<e>", null, args[++i])
                    : new SourceText(Path.of(args[i]).getFileName().toString(), Path.of(args[i]), Files.readString(Path.of(args[i])));
            try {
                System.out.println(AstPrinter.print(LudusParser.parse(src)));
            } catch (CompileErrors e) {
                System.out.print(ReferenceReport.render(e.diagnostics()));
            }
        }
    }
}
