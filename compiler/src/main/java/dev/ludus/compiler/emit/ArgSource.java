package dev.ludus.compiler.emit;

/**
 * Where the values a clause list dispatches on live: fixed argument slots (count known at
 * compile time; in a numeric loop some hold unboxed doubles), an Object[] in one slot (count
 * known at run time), or one value (match).
 */
record ArgSource(int[] slots, boolean[] dbl, int arraySlot, int valueSlot) {
    static ArgSource slots(int[] slots) { return new ArgSource(slots, null, -1, -1); }
    static ArgSource slots(int[] slots, boolean[] dbl) { return new ArgSource(slots, dbl, -1, -1); }
    static ArgSource array(int slot) { return new ArgSource(null, null, slot, -1); }
    static ArgSource value(int slot) { return new ArgSource(null, null, -1, slot); }

    boolean isValue() { return valueSlot >= 0; }
    boolean isFixed() { return slots != null; }
    boolean dbl(int i) { return dbl != null && dbl[i]; }
}
