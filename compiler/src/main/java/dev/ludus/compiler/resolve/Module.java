package dev.ludus.compiler.resolve;

import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.SourceText;
import java.util.List;

/**
 * A parsed and resolved Ludus file. {@code exports} is non-null when the file's last toplevel
 * form is an ns/pkg (or a word bound to one): the member names known at compile time (for `use`).
 */
public record Module(SourceText source, Ast.Script script, Resolution resolution, List<String> exports) {}
