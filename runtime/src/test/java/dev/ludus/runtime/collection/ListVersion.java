package dev.ludus.runtime.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A list beside its model (a java.util.List holding the same elements), and the operations the
 * random version-tree tests of LList share: each gives a new version and leaves this one alone.
 */
record ListVersion(LList list, List<Object> model) {

    /** A version whose model is a copy of {@code m}. */
    static ListVersion of(LList l, List<Object> m) {
        return new ListVersion(l, new ArrayList<>(m));
    }

    /** A random element replaced by {@code "set" + step} (the model must not be empty). */
    ListVersion set(Random r, int step) {
        int i = r.nextInt(model.size());
        List<Object> m = new ArrayList<>(model);
        Object x = "set" + step;
        m.set(i, x);
        return new ListVersion(list.set(i, x), m);
    }

    /** This version followed by {@code w}. */
    ListVersion concat(ListVersion w) {
        List<Object> m = new ArrayList<>(model);
        m.addAll(w.model);
        return new ListVersion(list.concat(w.list), m);
    }

    /** Fewer than {@code most} elements added through a builder started from this list. */
    ListVersion built(Random r, int step, int most) {
        LList.Builder b = new LList.Builder(list);
        List<Object> m = new ArrayList<>(model);
        for (int i = 0, k = r.nextInt(most); i < k; i++) {
            Object x = "b" + step + "." + i;
            b.add(x);
            m.add(x);
        }
        return new ListVersion(b.build(), m);
    }
}
