package dev.ludus.runtime.process;

import dev.ludus.runtime.value.Pid;

/**
 * One process: its pid, what it runs, its mailbox and its place in the scheduler. Kept small
 * (an idle process is this object plus its backend's suspended stack): the mailbox is a
 * doubly linked list held by two fields, the backend's handle one field.
 */
final class Proc extends Pid {
    enum State { RUNNING, QUEUED, BLOCKED, SLEEPING, DONE }

    /** A message in a mailbox; {@code removed} once a receive took it. */
    static final class Node {
        final Object msg;
        Node prev, next;
        boolean removed;

        Node(Object msg) { this.msg = msg; }
    }

    /** The function the process runs (null once it has started: nothing keeps it alive). */
    Object fn;
    State state;
    Node head, tail;
    /** The generated code's tail-call depth (Invoke), saved while the process is switched out. */
    int tailDepth;
    /** Virtual wake-up time and sleep! order, while SLEEPING. */
    double wake;
    long sleepOrder;
    /** The backend's handle: a continuation or a thread (null until the process first runs). */
    Object handle;
    /** An error that is not a Ludus panic (a bug, or the program being stopped): the whole program ends with it. */
    Throwable failure;

    Proc(int id, Object fn, State state) {
        super(id);
        this.fn = fn;
        this.state = state;
    }

    void append(Object msg) {
        Node n = new Node(msg);
        n.prev = tail;
        if (tail == null) head = n;
        else tail.next = n;
        tail = n;
    }

    void remove(Node n) {
        if (n.removed) return;
        n.removed = true;
        if (n.prev == null) head = n.next;
        else n.prev.next = n.next;
        if (n.next == null) tail = n.prev;
        else n.next.prev = n.prev;
    }

    /** The message after {@code cursor} (the oldest if null), or null at the end. */
    Node after(Node cursor) {
        if (cursor == null) return head;
        if (cursor.removed) return head; // taken by a nested receive: start again
        return cursor.next;
    }
}
