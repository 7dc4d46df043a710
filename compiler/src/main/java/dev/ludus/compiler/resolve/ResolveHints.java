package dev.ludus.compiler.resolve;

import dev.ludus.compiler.syntax.Ast;
import dev.ludus.runtime.diag.Suggest;
import java.util.List;

/**
 * One-line hints for the static errors of spec §11 (stderr only): what the programmer most
 * likely meant, or how to write it instead. The §11 messages themselves stay the spec's.
 */
final class ResolveHints {
    private ResolveHints() {}

    /** Reserved words that are values: a near miss of these (null, True) is worth suggesting too. */
    static final List<String> LITERAL_WORDS = List.of("nil", "true", "false");

    /** Other languages' words for nothing. */
    private static final java.util.Set<String> NIL_ALIASES = java.util.Set.of("null", "none", "undefined", "nothing");

    static String didYouMean(String name, List<String> visible) {
        if (NIL_ALIASES.contains(name.toLowerCase(java.util.Locale.ROOT))) return "Ludus writes \"no value\" as `nil`";
        String near = Suggest.closest(name, visible);
        return near == null ? null : "did you mean `" + near + "`?";
    }

    static String boundLater(String name, Ast.Node site) {
        return "`" + name + "` is bound on line " + site.span().line()
                + ", after this use; a name is visible only after its binding (code inside a fn may use later ones)";
    }

    static String rebound(String name, Ast.Node firstSite) {
        String where = firstSite == null ? "" : " on line " + firstSite.span().line();
        return "`" + name + "` was first bound" + where + "; names can't be rebound in the same scope: "
                + "use another name, or bind it inside a block `{ ... }`";
    }

    static String twiceInPattern(String name) {
        return "use another name for the second `" + name + "` (to require two equal values, "
                + "compare them with `eq?` in a guard)";
    }

    static String forward(String name) {
        return "define it later in the same scope with `fn " + name + " (...) -> ...`, or remove the declaration";
    }

    static String keywordPartial(String kw) {
        return "write a lambda instead: `fn (x) -> :" + kw + " (x)`";
    }

    static String keywordArity(String kw) {
        return "a called keyword looks itself up in its one argument, a dict or ns: `:" + kw + " (value)`";
    }

    static final String PLACEHOLDER =
            "`_` stands for the missing argument of a partial application, as in `add (1, _)`, or ignores a value in a pattern";
    static final String RECUR =
            "`recur` must be the last thing its loop or fn clause does; elsewhere, call the function by name";
    static final String TOPLEVEL_ONLY = "move it to the top level of the file, outside any block, function or other form";
    static final String TWO_PLACEHOLDERS =
            "a partial application leaves out exactly one argument; to leave out more, write a lambda: `fn (a, b) -> ...`";
    static final String USE = "`use` takes the name of an ns (or pkg) defined in this file, or a name bound by `import`";
    static String splatLast(String splat) {
        return "move `" + splat + "` to the end of the pattern";
    }
    static final String IMPORT_PATH =
            "an import path is relative to the directory of the importing file (`.ld` is added when the path has no extension)";
    static final String IMPORT_CYCLE = "files can't import each other in a cycle: move what they share into a third file";
}
