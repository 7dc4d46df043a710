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
        Lexer.Result lexed = Lexer.scan(src.text());
        if (lexed.error() == null) {
            // a program without syntax errors parses here, without ANTLR (see FastParser)
            Ast.Script script = FastParser.parse(lexed.tokens(), src.displayName());
            if (script != null) return script;
        }
        return parseWithAntlr(src, lexed);
    }

    /**
     * The parse by ANTLR's parser alone, the grammar's reference: the same Ast as {@link #parse}
     * for every program (FastParser is only quicker), which differential testing checks (the
     * fuzzer's oracle compiles its twin with this: LudusCompiler.compile, optimise false).
     */
    public static Ast.Script parseByGrammar(SourceText src) throws CompileErrors {
        return parseWithAntlr(src, Lexer.scan(src.text()));
    }

    /**
     * Reports a syntax error in a small text, discarding it: the classes and state of ANTLR's
     * parser are then loaded (for the build's class-data-sharing training run: see Warmup).
     */
    public static void setUpErrorPath() {
        try {
            parse(new SourceText("warmup.ld", null, "let x = (1,\nx"));
        } catch (CompileErrors expected) {
            // the point: the error path ran
        }
    }

    /** The parse by ANTLR's parser: every program with a syntax error, for its diagnostic. */
    static Ast.Script parseWithAntlr(SourceText src, Lexer.Result lexed) throws CompileErrors {
        String file = src.displayName();
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
        Diagnostic d = new Diagnostic(src, at.span(src.displayName()), message,
                SyntaxHints.syntax(at, f.expected, previous, message));
        // A bracket left open further up explains most errors found at the end of the input or
        // at the start of a later line: say where it was opened.
        LToken open = unclosed(tokens, index);
        if (open == null) return d;
        boolean atEnd = at.getType() == Token.EOF;
        // Not at the end: only a `let`/`fn` starting a line inside a ( or [ opened on an earlier
        // line (a block's { legitimately spans lines and holds bindings).
        boolean bindingInOpenBracket = message.equals(SyntaxMessages.BINDING_FORM) && open.getLine() < at.getLine()
                && previous != null && previous.getType() == Ludus.NL && !open.getText().endsWith("{");
        if (!atEnd && !bindingInOpenBracket) return d;
        String bracket = open.getText();
        String hint = atEnd ? "the `" + bracket + "` on line " + open.getLine() + " is never closed"
                : "the `" + bracket + "` on line " + open.getLine() + " is still open here: is its `" + closer(bracket) + "` missing?";
        return new Diagnostic(src, d.span(), message, hint, open.span(src.displayName()),
                "this `" + bracket + "` is never closed" + (atEnd ? "" : " before line " + at.getLine()));
    }

    /** The innermost bracket opened before token {@code end} and not closed before it, or null. */
    static LToken unclosed(List<LToken> tokens, int end) {
        java.util.ArrayDeque<LToken> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < end && i < tokens.size(); i++) {
            LToken t = tokens.get(i);
            switch (t.getType()) {
                case Ludus.LPAREN, Ludus.LBRACK, Ludus.LBRACE, Ludus.SETOPEN, Ludus.DICTOPEN -> open.push(t);
                case Ludus.RPAREN, Ludus.RBRACK, Ludus.RBRACE -> open.poll();
                default -> { }
            }
        }
        return open.peek();
    }

    private static String closer(String opener) {
        return switch (opener) {
            case "(" -> ")";
            case "[" -> "]";
            default -> "}";
        };
    }

    private static Diagnostic lexical(SourceText src, LexError e) {
        Span span = new Span(src.displayName(), e.line(), e.col(), e.line(), e.col() + 1);
        return new Diagnostic(src, span, e.message(), SyntaxHints.lexical(e.message()));
    }
}
