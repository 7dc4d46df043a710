package dev.ludus.compiler.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a string token (spec §1.1): escapes, and {@code {word}} interpolations with the span
 * of each interpolated word inside the string (for "unbound name in string interpolation").
 */
final class StringLiterals {
    private StringLiterals() {}

    static Ast.Expr decode(LToken token, String file) {
        int[] cp = Lexer.codePoints(token.getText()); // not a stream: start-up (see Lexer.codePoints)
        int line = token.getLine();
        int col = token.col + 1;           // after the opening quote
        List<String> texts = new ArrayList<>();
        List<Ast.Word> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int end = cp.length - 1;           // the closing quote
        int i = 1;
        while (i < end) {
            int c = cp[i];
            if (c == '\\' && i + 1 < end) {
                int e = cp[i + 1];
                switch (e) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    default -> text.appendCodePoint(e);
                }
                col++;
                i++;
                // the escaped character itself may be a line break
                if (e == '\n' || e == '\r') {
                    if (e == '\r' && i + 1 < end && cp[i + 1] == '\n') { text.append('\n'); i++; }
                    i++;
                    line++;
                    col = 1;
                } else {
                    i++;
                    col++;
                }
                continue;
            }
            if (c == '{') {
                int j = i + 1;
                if (j < end && Lexer.isLetter(cp[j])) {
                    while (j < end && Lexer.isWordChar(cp[j])) j++;
                    String word = new String(cp, i + 1, j - i - 1);
                    if (j < end && cp[j] == '}' && !Lexer.RESERVED.containsKey(word)) {
                        texts.add(text.toString());
                        text.setLength(0);
                        names.add(new Ast.Word(new Span(file, line, col + 1, line, col + 1 + word.length()), word));
                        col += j + 1 - i;
                        i = j + 1;
                        continue;
                    }
                }
            }
            text.appendCodePoint(c);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < end && cp[i + 1] == '\n') { text.append('\n'); i++; }
                line++;
                col = 1;
            } else {
                col++;
            }
            i++;
        }
        Span span = token.span(file);
        if (names.isEmpty()) return new Ast.Str(span, text.toString());
        texts.add(text.toString());
        return new Ast.InterpStr(span, List.copyOf(texts), List.copyOf(names));
    }
}
