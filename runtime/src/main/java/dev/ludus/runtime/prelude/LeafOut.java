package dev.ludus.runtime.prelude;

import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Boxes;

/**
 * The list a prelude loop (map, filter) builds: fills a local 32-slot leaf and hands it to the
 * builder whole when full (LList.Builder.addLeaf), so the per-element work stays in the loop
 * (a builder call per element is not always inlined). While the results are numbers the leaf
 * is a double[] (stored unboxed); the first other value turns the leaf being filled into an
 * Object[] one.
 */
final class LeafOut {
    private final LList.Builder b = LList.builder();
    private double[] nums;   // the leaf being filled: nums, or objs once it holds a non-number
    private Object[] objs;
    private int k;

    // add and its rare paths are separate methods so that add stays small enough to be inlined
    // into the loop: the box of a builtin's number result then never exists.

    void add(double x) {
        if (objs != null) { addObject(Boxes.of(x)); return; }
        if (nums == null) nums = new double[32];
        nums[k++] = x;
        if (k == 32) flushNums();
    }

    void add(Object x) {
        if (objs == null) {
            if (x instanceof Double v) { add(v.doubleValue()); return; }
            toObjects();
        }
        addObject(x);
    }

    private void addObject(Object x) {
        objs[k++] = x instanceof Double v ? Boxes.of(v) : x;
        if (k == 32) { b.addLeaf(objs, 32); objs = null; k = 0; }
    }

    private void flushNums() {
        b.addLeaf(nums, 32);
        nums = null;
        k = 0;
    }

    /** The leaf being filled meets a non-number: its numbers so far boxed into an Object[] leaf. */
    private void toObjects() {
        objs = new Object[32];
        for (int i = 0; i < k; i++) objs[i] = Boxes.of(nums[i]);
        nums = null;
    }

    LList build() {
        if (objs != null) b.addLeaf(objs, k);
        else if (nums != null) b.addLeaf(nums, k);
        return b.build();
    }
}
