package dev.ludus.runtime.bootstrap;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Tuple;

/**
 * Large collection literals whose items are all constants (issue 12), built from compact text
 * instead of code: the compiler (emit.ConstantLiterals) writes the items as one text in pieces of
 * at most 64 KB (a class-file string constant's limit), and the generated code builds the value
 * from it on first use. A 100,000-number list is then a few string constants, not 100,000
 * constants and a chain of methods.
 *
 * <p>The text is a sequence of items: {@code i<digits>,} an integral number, {@code d<java
 * double>,} any other number, {@code s<length>:<chars>} a string, {@code k<length>:<chars>} a
 * keyword, {@code t}, {@code f}, {@code n} true, false, nil. Dict data alternates keys (keywords)
 * and values.
 */
public final class ConstantData {
    private ConstantData() {}

    public static LList list(String[] pieces) {
        LList.Builder b = LList.builder();
        for (Object x : items(pieces)) b.add(x);
        return b.build();
    }

    public static LSet set(String[] pieces) {
        LSet.Builder b = LSet.builder();
        for (Object x : items(pieces)) b.add(x);
        return b.build();
    }

    public static Tuple tuple(String[] pieces) {
        return Tuple.of(items(pieces));
    }

    public static LDict dict(String[] pieces) {
        Object[] kv = items(pieces);
        LDict.Builder b = LDict.builder();
        for (int i = 0; i < kv.length; i += 2) b.put((Keyword) kv[i], kv[i + 1]);
        return b.build();
    }

    /** The items of the text made of these pieces. */
    public static Object[] items(String[] pieces) {
        String s = pieces.length == 1 ? pieces[0] : String.join("", pieces);
        java.util.ArrayList<Object> out = new java.util.ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            char tag = s.charAt(i++);
            switch (tag) {
                case 'i' -> {
                    boolean neg = s.charAt(i) == '-';
                    if (neg) i++;
                    long v = 0;
                    char c;
                    while ((c = s.charAt(i++)) != ',') v = v * 10 + (c - '0');
                    out.add((double) (neg ? -v : v));
                }
                case 'd' -> {
                    int end = s.indexOf(',', i);
                    out.add(Double.parseDouble(s.substring(i, end)));
                    i = end + 1;
                }
                case 's', 'k' -> {
                    int colon = s.indexOf(':', i);
                    int len = Integer.parseInt(s, i, colon, 10);
                    String text = s.substring(colon + 1, colon + 1 + len);
                    out.add(tag == 's' ? text : Keyword.of(text));
                    i = colon + 1 + len;
                }
                case 't' -> out.add(Boolean.TRUE);
                case 'f' -> out.add(Boolean.FALSE);
                case 'n' -> out.add(Nil.NIL);
                default -> throw new IllegalStateException("bad constant data at " + (i - 1));
            }
        }
        return out.toArray();
    }
}
