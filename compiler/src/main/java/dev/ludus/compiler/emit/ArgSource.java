package dev.ludus.compiler.emit;

/**
 * Where the values a clause list dispatches on live: fixed argument slots (count known at
 * compile time; in a numeric loop some hold unboxed doubles), an Object[] in one slot (count
 * known at run time), or one value (match).
 */
record ArgSource(int[] slots, boolean[] dbl, boolean[] lng, int[] offs, int arraySlot, int valueSlot) {
    static ArgSource slots(int[] slots) { return new ArgSource(slots, null, null, null, -1, -1); }
    static ArgSource slots(int[] slots, boolean[] dbl) { return new ArgSource(slots, dbl, null, null, -1, -1); }
    /** A loop run on longs: lng marks the numeric slots that hold exact longs. */
    static ArgSource slots(int[] slots, boolean[] dbl, boolean[] lng) { return new ArgSource(slots, dbl, lng, null, -1, -1); }
    /** A fn entry with list cursors (analyse.ListCursors): offs[i] >= 0 is the int slot of slot i's offset. */
    static ArgSource cursors(int[] slots, int[] offs) { return new ArgSource(slots, null, null, offs, -1, -1); }
    static ArgSource array(int slot) { return new ArgSource(null, null, null, null, slot, -1); }
    static ArgSource value(int slot) { return new ArgSource(null, null, null, null, -1, slot); }

    boolean isValue() { return valueSlot >= 0; }
    boolean isFixed() { return slots != null; }
    boolean dbl(int i) { return dbl != null && dbl[i]; }
    boolean lng(int i) { return lng != null && lng[i]; }
    /** The offset slot of a cursor argument (analyse.ListCursors), else -1. */
    int off(int i) { return offs == null ? -1 : offs[i]; }
}
