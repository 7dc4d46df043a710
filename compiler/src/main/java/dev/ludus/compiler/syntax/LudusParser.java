package dev.ludus.compiler.syntax;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.grammar.Ludus;
import java.util.List;
import org.antlr.v4.runtime.ANTLRErrorStrategy;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The front end: source text to {@link Ast.Script}. A lexical or syntax error ends the analysis
 * (spec §11): exactly one diagnostic, for the first error in the source.
 */
public final class LudusParser {
    private LudusParser() {}

    /** The reserved words of spec §1 (the lexer's table), e.g. for completion in the REPL. */
    public static java.util.Set<String> reservedWords() {
        return new java.util.TreeSet<>(Lexer.RESERVED.keySet());
    }

    public static Ast.Script parse(SourceText src) throws CompileErrors {
        String file = src.displayName();
        Lexer.Result lexed = Lexer.scan(src.text());
        List<LToken> tokens = lexed.tokens();
        Ludus.ScriptContext tree = fastParse(tokens);
        if (tree == null) {
            // SLL gave up: either a syntax error or an input only full LL decides; LL finds which
            Ludus parser = parser(tokens, new FirstErrorStrategy(), PredictionMode.LL);
            try {
                tree = parser.script();
            } catch (SyntaxFailure f) {
                throw new CompileErrors(List.of(diagnostic(src, tokens, lexed.error(), f)));
            }
        }
        if (lexed.error() != null) {
            // unreachable: no rule accepts LEXERROR; kept so that a grammar slip cannot hide the error
            throw new CompileErrors(List.of(lexical(src, lexed.error())));
        }
        return new AstBuilder(file).script(tree, tokens.get(tokens.size() - 1));
    }

    /**
     * The usual two-stage ANTLR parse, first stage: SLL prediction (cheaper, most of all in a
     * cold JVM) that stops at the first problem; null when it did not parse.
     */
    private static Ludus.ScriptContext fastParse(List<LToken> tokens) {
        try {
            return parser(tokens, new BailErrorStrategy(), PredictionMode.SLL).script();
        } catch (ParseCancellationException | RecognitionException e) {
            return null;
        }
    }

    private static Ludus parser(List<LToken> tokens, ANTLRErrorStrategy errors, PredictionMode mode) {
        Ludus parser = new Ludus(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.setErrorHandler(errors);
        parser.getInterpreter().setPredictionMode(mode);
        return parser;
    }

    private static Diagnostic diagnostic(SourceText src, List<LToken> tokens, LexError lexError, SyntaxFailure f) {
        LToken at = (LToken) f.offending;
        // The parse got as far as the lexical error: it is the first error in the source.
        if (at.getType() == Ludus.LEXERROR) return lexical(src, lexError);
        int index = at.getTokenIndex();
        Token previous = index > 0 ? tokens.get(index - 1) : null;
        String message = SyntaxMessages.message(at, f.expected, previous);
        return new Diagnostic(src, at.span(src.displayName()), message,
                SyntaxHints.syntax(at, f.expected, previous, message));
    }

    private static Diagnostic lexical(SourceText src, LexError e) {
        Span span = new Span(src.displayName(), e.line(), e.col(), e.line(), e.col() + 1);
        return new Diagnostic(src, span, e.message(), SyntaxHints.lexical(e.message()));
    }
}
