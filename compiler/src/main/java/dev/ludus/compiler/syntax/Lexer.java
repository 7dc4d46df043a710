package dev.ludus.compiler.syntax;

import static dev.ludus.grammar.Ludus.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scanner of spec §1, by hand so that lexical errors get the exact §11 messages and
 * positions. It scans the whole file up front; at the first lexical error it emits a LEXERROR
 * token (which no grammar rule accepts) and stops. The parser then reports whichever comes
 * first in the source: a syntax error before that token, or the lexical error itself.
 */
final class Lexer {
    static final Map<String, Integer> RESERVED = Map.ofEntries(
        Map.entry("as", AS), Map.entry("do", DO), Map.entry("else", ELSE), Map.entry("false", FALSE),
        Map.entry("fn", FN), Map.entry("if", IF), Map.entry("import", IMPORT), Map.entry("let", LET),
        Map.entry("loop", LOOP), Map.entry("match", MATCH), Map.entry("nil", NIL), Map.entry("ns", NS),
        Map.entry("recur", RECUR), Map.entry("ref", REF), Map.entry("repeat", REPEAT),
        Map.entry("test", TEST), Map.entry("then", THEN), Map.entry("true", TRUE), Map.entry("use", USE),
        Map.entry("when", WHEN), Map.entry("with", WITH), Map.entry("box", BOX), Map.entry("pkg", PKG),
        Map.entry("receive", RECEIVE));

    /**
     * Result: tokens (ending in EOF, with LEXERROR just before it if error != null), and the
     * comments, which the parser never sees (for the formatter and editors).
     */
    record Result(List<LToken> tokens, LexError error, List<LToken> comments) {}

    private final int[] cp;
    private int pos;
    private int line = 1;
    private int col = 1;
    private final List<LToken> out = new ArrayList<>();
    private final List<LToken> comments = new ArrayList<>();
    /** End of the last character that is not a blank or line break: where EOF is shown. */
    private int lastLine = 1;
    private int lastCol = 1;

    private Lexer(String text) {
        this.cp = codePoints(text);
    }

    /** text.codePoints().toArray(), without a stream's start-up cost (~1.5 ms in a fresh JVM). */
    static int[] codePoints(String text) {
        int[] out = new int[text.codePointCount(0, text.length())];
        for (int i = 0, k = 0; i < text.length(); k++) {
            int c = text.codePointAt(i);
            out[k] = c;
            i += Character.charCount(c);
        }
        return out;
    }

    static Result scan(String text) {
        return new Lexer(text).run();
    }

    private Result run() {
        LexError error = null;
        try {
            while (pos < cp.length) next();
        } catch (Failure f) {
            error = f.error;
            out.add(new LToken(LEXERROR, "", f.error.line(), f.error.col(), f.error.line(), f.error.col() + 1));
        }
        markPanicForms();
        out.add(new LToken(EOF, "<EOF>", lastLine, lastCol, lastLine, lastCol + 1));
        return new Result(out, error, comments);
    }

    private static final class Failure extends RuntimeException {
        final LexError error;
        Failure(LexError error) { super(error.message(), null, false, false); this.error = error; }
    }

    private Failure fail(int l, int c, String message) {
        return new Failure(new LexError(l, c, message));
    }

    private int peek(int ahead) {
        int i = pos + ahead;
        return i < cp.length ? cp[i] : -1;
    }

    /** Consumes one code point (line breaks handled by the caller). */
    private void advance() {
        pos++;
        col++;
    }

    /**
     * Open brackets allowed at once. The parser, resolver and code generator recurse per level;
     * they run on a thread with a 512 MB stack (BigStack), where 100,000 levels compile (issue 12:
     * a call with 100,000 nested brackets is valid). A million brackets once took 9 s and 1.8 GB
     * to end in a StackOverflowError: past this, a lexical error at once.
     */
    static final int MAX_NESTING = 100_000;
    private int depth;

    private void next() {
        int c = cp[pos];
        int startLine = line, startCol = col, start = pos;
        if (c == '(' || c == '[' || c == '{' || (c == '$' || c == '#') && peek(1) == '{') {
            if (++depth > MAX_NESTING) {
                throw fail(line, col, "too deeply nested: more than " + MAX_NESTING + " brackets are open here");
            }
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            depth--;
        }
        switch (c) {
            case ' ', '\t' -> { advance(); return; }
            case '\n', '\r' -> {
                advance();
                if (c == '\r' && peek(0) == '\n') pos++;
                out.add(new LToken(NL, "\n", startLine, startCol, startLine, startCol + 1));
                line++;
                col = 1;
                return;
            }
            case '&' -> {
                while (pos < cp.length && cp[pos] != '\n' && cp[pos] != '\r') advance();
                comments.add(new LToken(org.antlr.v4.runtime.Token.INVALID_TYPE, text(start), startLine, startCol, line, col));
                noteEnd();
                return;
            }
            case '"' -> { string(); return; }
            case '(' -> punct(LPAREN, 1);
            case ')' -> punct(RPAREN, 1);
            case '[' -> punct(LBRACK, 1);
            case ']' -> punct(RBRACK, 1);
            case '{' -> punct(LBRACE, 1);
            case '}' -> punct(RBRACE, 1);
            case ',' -> punct(COMMA, 1);
            case ';' -> punct(SEMI, 1);
            case '=' -> punct(EQ, 1);
            case '>' -> punct(GT, 1);
            case '$', '#' -> {
                if (peek(1) != '{') throw unexpected(pos);
                punct(c == '$' ? SETOPEN : DICTOPEN, 2);
            }
            case '.' -> {
                if (peek(1) != '.' || peek(2) != '.') throw unexpected(pos);
                punct(ELLIPSIS, 3);
            }
            case '-' -> {
                if (peek(1) == '>') punct(ARROW, 2);
                else if (isDigit(peek(1))) number();
                else throw fail(line, col, "'-' must be followed by a digit or '>'");
            }
            case ':' -> {
                if (!isLetter(peek(1))) throw fail(line, col, "a keyword needs a letter after ':'");
                advance();
                wordChars();
                emit(KEYWORD, start, startLine, startCol);
                checkFollow();
            }
            case '_' -> {
                advance();
                if (isLetter(peek(0))) {
                    wordChars();
                    emit(IGNORED, start, startLine, startCol);
                    checkFollow();
                } else {
                    emit(PLACEHOLDER, start, startLine, startCol);
                }
            }
            default -> {
                if (isDigit(c)) number();
                else if (isLetter(c)) {
                    wordChars();
                    String text = text(start);
                    emit(RESERVED.getOrDefault(text, WORD), start, startLine, startCol);
                    checkFollow();
                } else throw unexpected(pos);
            }
        }
    }

    private void punct(int type, int length) {
        int start = pos, startLine = line, startCol = col;
        for (int i = 0; i < length; i++) advance();
        emit(type, start, startLine, startCol);
    }

    private void number() {
        int start = pos, startLine = line, startCol = col;
        if (cp[pos] == '-') advance();
        while (isDigit(peek(0)) || peek(0) == '_') advance();
        if (peek(0) == '.') {
            if (!isDigit(peek(1))) throw fail(line, col, "expected a digit after '.'");
            advance();
            while (isDigit(peek(0)) || peek(0) == '_') advance();
        }
        emit(NUMBER, start, startLine, startCol);
        checkFollow();
    }

    private void wordChars() {
        while (isWordChar(peek(0))) advance();
    }

    private void string() {
        int start = pos, startLine = line, startCol = col;
        advance();
        while (true) {
            if (pos >= cp.length) throw fail(startLine, startCol, "unterminated string");
            int c = cp[pos];
            if (c == '"') { advance(); break; }
            if (c == '\\' && pos + 1 < cp.length) { advance(); c = cp[pos]; }
            if (c == '\n' || c == '\r') {
                pos++;
                if (c == '\r' && peek(0) == '\n') pos++;
                line++;
                col = 1;
            } else advance();
        }
        emit(STRING, start, startLine, startCol);
    }

    /** §1: a word, keyword or number must be followed by a blank, line break, comment, end or one of these. */
    private void checkFollow() {
        int c = peek(0);
        if (c == -1 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '&') return;
        if ("()[]{},;=>:-".indexOf(c) >= 0) return;
        throw unexpected(pos);
    }

    private Failure unexpected(int at) {
        return fail(line, col + (at - pos), "unexpected character '" + Character.toString(cp[at]) + "'");
    }

    private void emit(int type, int start, int startLine, int startCol) {
        out.add(new LToken(type, text(start), startLine, startCol, line, col));
        noteEnd();
    }

    private void noteEnd() {
        lastLine = line;
        lastCol = col;
    }

    private String text(int start) {
        return new String(cp, start, pos - start);
    }

    /**
     * §2.3: `panic!` directly before a token that can start a non-binding expression, other than
     * '(', is the panic form; before '(' it is a call, before anything else the word itself.
     * Right after `fn` it is always a name (`fn panic! { ... }` defines a function, §2.3).
     */
    private void markPanicForms() {
        for (int i = out.size() - 2; i >= 0; i--) {
            LToken t = out.get(i);
            if (t.getType() == WORD && t.getText().equals("panic!") && startsNonBinding(out.get(i + 1).getType())
                    && (i == 0 || out.get(i - 1).getType() != FN)) {
                t.setType(PANIC);
            }
        }
    }

    static boolean startsNonBinding(int type) {
        return switch (type) {
            case NIL, TRUE, FALSE, NUMBER, STRING, LBRACK, SETOPEN, DICTOPEN, WORD, KEYWORD, RECUR, FN,
                 IF, WHEN, MATCH, RECEIVE, LOOP, DO, LBRACE, REPEAT, PANIC, IMPORT, NS, PKG, USE, TEST -> true;
            default -> false;
        };
    }

    static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(int c) {
        return isLetter(c) || isDigit(c) || c == '_' || c == '?' || c == '!' || c == '*' || c == '/';
    }
}
