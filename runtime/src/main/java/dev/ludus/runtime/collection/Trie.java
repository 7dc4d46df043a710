package dev.ludus.runtime.collection;

import java.util.Arrays;

/** The path-copying operations on LList's trie: internal nodes are Object[32], leaves either kind (Leaves). */
final class Trie {
    private Trie() {}

    /** A copy of parent (at level) with the full leaf put at absolute position pos. */
    static Object[] pushTail(int level, Object[] parent, Object leaf, int pos) {
        int sub = (pos >>> level) & 31;
        Object[] ret = parent.clone();
        if (level == 5) {
            ret[sub] = leaf;
        } else {
            Object[] child = (Object[]) parent[sub];
            ret[sub] = child != null ? pushTail(level - 5, child, leaf, pos) : newPath(level - 5, leaf);
        }
        return ret;
    }

    /** leaf below level - 5 levels of fresh single-child nodes (leaf itself at level 0). */
    static Object newPath(int level, Object leaf) {
        if (level == 0) return leaf;
        Object[] n = new Object[32];
        n[0] = newPath(level - 5, leaf);
        return n;
    }

    /** A copy of node (at level) with absolute position j set to x. */
    static Object[] doSet(int level, Object[] node, int j, Object x) {
        Object[] ret = node.clone();
        int sub = (j >>> level) & 31;
        ret[sub] = level == 5 ? setIn(node[sub], 32, j & 31, x) : doSet(level - 5, (Object[]) node[sub], j, x);
        return ret;
    }

    /** A copy of leaf[0..n) with slot k set to x (a double leaf turns general for a non-number). */
    static Object setIn(Object leaf, int n, int k, Object x) {
        if (leaf instanceof double[] d) {
            if (x instanceof Double v) {
                double[] r = Arrays.copyOf(d, n);
                r[k] = v;
                return r;
            }
            Object[] r = Leaves.boxed(d, n, n);
            r[k] = x;
            return r;
        }
        Object[] r = Arrays.copyOf((Object[]) leaf, n);
        r[k] = x;
        return r;
    }

    /** Copy of node (at level) with every slot outside positions [lo, hi] (relative) cleared. */
    static Object[] trim(Object[] node, int level, int lo, int hi) {
        if (node == null) return null;   // free positions before a consed list's first element
        long span = 1L << (level + 5);
        if (lo == 0 && hi == span - 1) return node;
        int a = lo >>> level, b = hi >>> level;
        Object[] ret = new Object[32];
        System.arraycopy(node, a, ret, a, b - a + 1);
        if (level > 5) {
            int childMask = (1 << level) - 1;
            int cl = lo & childMask, ch = hi & childMask;
            if (a == b) {
                ret[a] = trim((Object[]) node[a], level - 5, cl, ch);
            } else {
                ret[a] = trim((Object[]) node[a], level - 5, cl, childMask);
                ret[b] = trim((Object[]) node[b], level - 5, 0, ch);
            }
        }
        return ret;
    }
}
