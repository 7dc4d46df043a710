package dev.ludus.compiler.emit;

import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.runtime.NumberFormat;

/**
 * Patterns as text: the display form (pattern syntax, words bare — for doc! and messages) and
 * the compact encoding that runtime PatternDesc decodes to explain a failed let.
 */
public final class PatternText {
    private PatternText() {}

    private static final char SEP = '\u0001';

    public static String show(Pattern p) {
        if (p instanceof PIgnore i) {
            return i.text();
        } else if (p instanceof PBind b) {
            return b.name();
        } else if (p instanceof PTyped t) {
            return t.name() + " as :" + t.type();
        } else if (p instanceof PConst c) {
            return showConst(c.literal());
        } else if (p instanceof PSplat s) {
            return "..." + s.text();
        } else if (p instanceof PDictPair pr) {
            return pr.shorthand() ? show(pr.pattern()) : ":" + pr.key() + " " + show(pr.pattern());
        } else if (p instanceof PTuple t) {
            return "(" + join(t.items()) + ")";
        } else if (p instanceof PList l) {
            return "[" + join(l.items()) + "]";
        } else if (p instanceof PDict d) {
            return "#{" + join(d.items()) + "}";
        } else {
            throw new IllegalStateException("unexpected node: " + p);
        }
    }

    private static String join(java.util.List<Pattern> items) {
        StringBuilder b = new StringBuilder();
        for (Pattern p : items) {
            if (b.length() > 0) b.append(", ");
            b.append(show(p));
        }
        return b.toString();
    }

    private static String showConst(Expr lit) {
        if (lit instanceof Nil n) {
            return "nil";
        } else if (lit instanceof Bool b) {
            return String.valueOf(b.value());
        } else if (lit instanceof Num n) {
            return NumberFormat.format(n.value());
        } else if (lit instanceof Str s) {
            return "\"" + s.value() + "\"";
        } else if (lit instanceof Kw k) {
            return ":" + k.name();
        } else {
            throw new IllegalArgumentException("not a literal pattern: " + lit);
        }
    }

    static String encode(Pattern p) {
        StringBuilder b = new StringBuilder();
        encode(p, b);
        return b.toString();
    }

    private static void encode(Pattern p, StringBuilder b) {
        if (p instanceof PIgnore i) {
            b.append('_').append(i.text()).append(SEP);
        } else if (p instanceof PBind x) {
            b.append('b').append(x.name()).append(SEP);
        } else if (p instanceof PTyped t) {
            b.append('y').append(t.name()).append(SEP).append(t.type()).append(SEP);
        } else if (p instanceof PSplat s) {
            b.append('.').append(s.text()).append(SEP);
        } else if (p instanceof PDictPair pr) {
                b.append('p').append(pr.key()).append(SEP).append(pr.shorthand() ? '1' : '0');
                encode(pr.pattern(), b);
        } else if (p instanceof PTuple t) {
            b.append('('); for (Pattern x : t.items()) encode(x, b); b.append(')');
        } else if (p instanceof PList l) {
            b.append('['); for (Pattern x : l.items()) encode(x, b); b.append(']');
        } else if (p instanceof PDict d) {
            b.append('{'); for (Pattern x : d.items()) encode(x, b); b.append('}');
        } else if (p instanceof PConst c) {
            Expr lit = c.literal();
            if (lit instanceof Nil) b.append('z');
            else if (lit instanceof Bool x) b.append(x.value() ? 't' : 'f');
            else if (lit instanceof Num n) b.append('n').append(Double.toString(n.value())).append(SEP);
            else if (lit instanceof Str s) b.append('s').append(s.value().length()).append(':').append(s.value());
            else if (lit instanceof Kw k) b.append('k').append(k.name()).append(SEP);
            else throw new IllegalArgumentException("not a literal pattern");
        } else {
            throw new IllegalStateException("unexpected node: " + p);
        }
    }
}
