package dev.ludus.compiler.resolve;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.SourceText;

/** Parses one file; production passes {@code LudusParser::parse}. Lexical/syntax errors end the analysis. */
@FunctionalInterface
public interface ScriptParser {
    Ast.Script parse(SourceText source) throws CompileErrors;
}
