package dev.ludus.runtime;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * A pattern as data, decoded from the compact text the compiler embeds. Compiled code never
 * interprets patterns to match; this exists to display patterns and to explain why a
 * {@code let} failed (spec §10.2), which only happens on the failure path.
 *
 * Encoding (S = U+0001 terminator): {@code _text S} ignore, {@code b name S} bind,
 * {@code y name S type S} typed, {@code n double S}, {@code s len : chars}, {@code k name S},
 * {@code z}/{@code t}/{@code f} nil/true/false, {@code ( P* )} tuple, {@code [ P* ]} list,
 * {@code { D* }} dict where D is {@code p key S (0|1) P} or a splat, {@code . text S} splat.
 */
public sealed interface PatternDesc {
    char SEP = '\u0001';

    record Ignore(String text) implements PatternDesc {}
    record Bind(String name) implements PatternDesc {}
    record Typed(String name, String type) implements PatternDesc {}
    record Const(Object value) implements PatternDesc {}
    record Seq(boolean tuple, List<PatternDesc> items) implements PatternDesc {}
    record Dict(List<PatternDesc> items) implements PatternDesc {}
    record Pair(String key, boolean shorthand, PatternDesc pattern) implements PatternDesc {}
    record Splat(String text) implements PatternDesc {}

    static PatternDesc decode(String s) {
        return new Decoder(s).next();
    }

    /** The pattern in pattern syntax (words bare). */
    static String show(PatternDesc p) {
        if (p instanceof Ignore i) return i.text();
        if (p instanceof Bind b) return b.name();
        if (p instanceof Typed t) return t.name() + " as :" + t.type();
        if (p instanceof Const c) return Values.show(c.value());
        if (p instanceof Splat s) return "..." + s.text();
        if (p instanceof Pair pr) {
            return pr.shorthand() ? show(pr.pattern()) : ":" + pr.key() + " " + show(pr.pattern());
        }
        if (p instanceof Seq sq) return (sq.tuple() ? "(" : "[") + join(sq.items()) + (sq.tuple() ? ")" : "]");
        return "#{" + join(((Dict) p).items()) + "}";
    }

    private static String join(List<PatternDesc> items) {
        StringBuilder b = new StringBuilder();
        for (PatternDesc d : items) {
            if (b.length() > 0) b.append(", ");
            b.append(show(d));
        }
        return b.toString();
    }

    /** Why {@code v} does not match {@code p} (spec §10.2 texts), or null if it matches. */
    static String explain(PatternDesc p, Object v) {
        if (p instanceof Ignore || p instanceof Bind) return null;
        if (p instanceof Typed t) {
            String type = t.type().equals("box") ? "ref" : t.type().equals("pkg") ? "ns" : t.type();
            return Values.type(v).name().equals(type) ? null
                    : "Could not match " + show(p) + " with " + Values.show(v) + ", because types do not match";
        }
        if (p instanceof Const c) {
            return Values.eq(c.value(), v) ? null : "No match: Could not match " + show(p) + " with " + Values.show(v);
        }
        if (p instanceof Seq sq) return explainSeq(sq, v);
        if (p instanceof Dict d) return explainDict(d, v);
        return null;
    }

    private static String explainSeq(Seq sq, Object v) {
        List<PatternDesc> items = sq.items();
        boolean splat = !items.isEmpty() && items.get(items.size() - 1) instanceof Splat;
        int fixed = splat ? items.size() - 1 : items.size();
        Object[] elems;
        if (sq.tuple()) {
            if (!(v instanceof Tuple t)) {
                return v instanceof LList ? "Could not match list to tuple" : "Could not match non-tuple value to tuple";
            }
            elems = t.toArray();
            if (!splat && elems.length != fixed) return "Cannot match tuples of different lengths";
        } else {
            if (!(v instanceof LList l)) {
                return (v instanceof Tuple ? "Could not match tuple value " : "Could not match non-list value ")
                        + Values.show(v) + " to list pattern " + show(sq);
            }
            elems = l.toArray();
            if (!splat && elems.length != fixed) return "Cannot match lists of different lengths";
        }
        if (elems.length < fixed) return "Could not match different lengths";
        for (int i = 0; i < fixed; i++) {
            String why = explain(items.get(i), elems[i]);
            if (why != null) return "Could not match " + show(sq) + " with " + Values.show(v) + " because " + why;
        }
        return null;
    }

    private static String explainDict(Dict d, Object v) {
        if (!(v instanceof LDict dict)) {
            return "Could not match non-dict value " + Values.show(v) + " to dict pattern " + show(d);
        }
        for (PatternDesc item : d.items()) {
            if (!(item instanceof Pair pr)) continue;
            Object x = dict.get(Keyword.of(pr.key()));
            if (x == null) {
                return "Could not match " + show(d) + " with " + Values.show(v) + " at key :" + pr.key()
                        + " because there is no value at :" + pr.key();
            }
            String why = explain(pr.pattern(), x);
            if (why != null) {
                return "Could not match " + show(d) + " with value " + Values.show(v) + " at key :" + pr.key()
                        + " because " + why;
            }
        }
        return null;
    }

    final class Decoder {
        private final String s;
        private int i;

        Decoder(String s) { this.s = s; }

        private String upToSep() {
            int j = s.indexOf(SEP, i);
            String r = s.substring(i, j);
            i = j + 1;
            return r;
        }

        PatternDesc next() {
            char c = s.charAt(i++);
            switch (c) {
                case '_': return new Ignore(upToSep());
                case 'b': return new Bind(upToSep());
                case 'y': { String n = upToSep(); return new Typed(n, upToSep()); }
                case 'n': return new Const(Double.parseDouble(upToSep()));
                case 's': {
                    int colon = s.indexOf(':', i);
                    int len = Integer.parseInt(s.substring(i, colon));
                    String str = s.substring(colon + 1, colon + 1 + len);
                    i = colon + 1 + len;
                    return new Const(str);
                }
                case 'k': return new Const(Keyword.of(upToSep()));
                case 'z': return new Const(Nil.NIL);
                case 't': return new Const(Boolean.TRUE);
                case 'f': return new Const(Boolean.FALSE);
                case '.': return new Splat(upToSep());
                case 'p': {
                    String key = upToSep();
                    boolean sh = s.charAt(i++) == '1';
                    return new Pair(key, sh, next());
                }
                case '(': case '[': case '{': {
                    char close = c == '(' ? ')' : c == '[' ? ']' : '}';
                    List<PatternDesc> items = new ArrayList<>();
                    while (s.charAt(i) != close) items.add(next());
                    i++;
                    return c == '{' ? new Dict(items) : new Seq(c == '(', items);
                }
                default: throw new IllegalArgumentException("bad pattern code " + c + " in " + s);
            }
        }
    }
}
