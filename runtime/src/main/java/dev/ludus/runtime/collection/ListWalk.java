package dev.ludus.runtime.collection;

import dev.ludus.runtime.Values;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * LList's internal iterations, leaf by leaf: each leaf is visited once, as a segment
 * [j - base, lim) of its array (the tail's segment ends at the list's end), and the loop over a
 * segment is specialised to the leaf's kind (Leaves), so numbers in double leaves are read
 * without a type test per element.
 */
final class ListWalk {
    private ListWalk() {}

    static void copyTo(LList l, Object[] dst, int at) {
        int to = l.tailoff(), end = l.end;
        for (int j = l.start; j < end; ) {
            int base = j >= to ? to : j & ~31, lim = j >= to ? end - to : 32;
            Leaves.copyOut(l.leafFor(j), j - base, dst, at, lim - (j - base));
            at += lim - (j - base);
            j = base + lim;
        }
    }

    static void forEach(LList l, Consumer<? super Object> f) {
        int to = l.tailoff(), end = l.end;
        for (int j = l.start; j < end; ) {
            int base = j >= to ? to : j & ~31, lim = j >= to ? end - to : 32;
            Object leaf = l.leafFor(j);
            if (leaf instanceof double[] d) for (int k = j - base; k < lim; k++) f.accept((Object) d[k]);
            else {
                Object[] a = (Object[]) leaf;
                for (int k = j - base; k < lim; k++) f.accept(a[k]);
            }
            j = base + lim;
        }
    }

    static Object find(LList l, Predicate<Object> p) {
        int to = l.tailoff(), end = l.end;
        for (int j = l.start; j < end; ) {
            int base = j >= to ? to : j & ~31, lim = j >= to ? end - to : 32;
            Object leaf = l.leafFor(j);
            for (int k = j - base; k < lim; k++) {
                Object x = Leaves.get(leaf, k);
                if (p.test(x)) return x;
            }
            j = base + lim;
        }
        return null;
    }

    static void forEachNum(LList l, LList.NumConsumer f) {
        int to = l.tailoff(), end = l.end;
        for (int j = l.start; j < end; ) {
            int base = j >= to ? to : j & ~31, lim = j >= to ? end - to : 32;
            Object leaf = l.leafFor(j);
            if (leaf instanceof double[] d) for (int k = j - base; k < lim; k++) f.num(d[k]);
            else {
                Object[] a = (Object[]) leaf;
                for (int k = j - base; k < lim; k++) f.any(a[k]);
            }
            j = base + lim;
        }
    }

    /** Values.hash of l: the same for a number whether it sits in a double leaf or is boxed. */
    static int hash(LList l) {
        int acc = 1;
        int to = l.tailoff(), end = l.end;
        for (int j = l.start; j < end; ) {
            int base = j >= to ? to : j & ~31, lim = j >= to ? end - to : 32;
            Object leaf = l.leafFor(j);
            if (leaf instanceof double[] d) for (int k = j - base; k < lim; k++) acc = 31 * acc + Values.hashNum(d[k]);
            else {
                Object[] a = (Object[]) leaf;
                for (int k = j - base; k < lim; k++) acc = 31 * acc + Values.hash(a[k]);
            }
            j = base + lim;
        }
        return Values.mix(acc ^ l.size());
    }

    static String leafKinds(LList l) {
        StringBuilder sb = new StringBuilder();
        int to = l.tailoff(), end = l.end;
        for (int j = l.start; j < end; ) {
            int base = j >= to ? to : j & ~31, lim = j >= to ? end - to : 32;
            sb.append(l.leafFor(j) instanceof double[] ? 'D' : 'O');
            j = base + lim;
        }
        return sb.toString();
    }
}
