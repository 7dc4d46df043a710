package dev.ludus.compiler.analyse;

import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.compiler.syntax.SourceText;
import java.util.ArrayList;
import java.util.List;

/** Test support: a resolved and analysed one-module program, and ways to find its nodes. */
record Analysed(Module module, Analysis an) {
    /** Parses, resolves and analyses source (as test.ld); a compile error fails the test. */
    static Analysed analyse(String source) {
        try {
            Module m = LudusCompiler.analyse(new SourceText("test.ld", null, source)).main();
            return new Analysed(m, Analyser.analyse(m));
        } catch (CompileErrors e) {
            throw new AssertionError("does not compile: " + e.diagnostics(), e);
        }
    }

    Binding declared(Node n) {
        return module.resolution().declared.get(n);
    }

    FnDef fn(String name) {
        for (Node n : nodes()) if (n instanceof FnDef fd && name.equals(fd.name())) return fd;
        throw new AssertionError("no fn " + name);
    }

    <T extends Node> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Node n : nodes()) if (type.isInstance(n)) out.add(type.cast(n));
        return out;
    }

    List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        Analyser.inSourceOrder(module.script(), out::add);
        return out;
    }

    /** The binding a loop's first applicable clause gives position j. */
    Binding loopName(Loop l, int j) {
        return declared(((PTuple) an.loop(l).applicable().get(0).pattern()).items().get(j));
    }

    /** The first call of the prelude function name, in source order (the outermost). */
    Synthetic call(String name) {
        for (Node n : nodes()) if (n instanceof Synthetic s && s.root() instanceof Word w && w.name().equals(name)) return s;
        throw new AssertionError("no call of " + name);
    }
}
