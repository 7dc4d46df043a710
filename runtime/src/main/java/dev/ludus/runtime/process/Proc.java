package dev.ludus.runtime.process;

import dev.ludus.runtime.value.Pid;

/**
 * One process: its pid, what it runs, its mailbox and its place in the scheduler. Kept small
 * (an idle process is this object plus its backend's suspended stack): the mailbox is a
 * doubly linked list held by two fields, the backend's handle one field.
 */
final class Proc extends Pid implements Runnable {
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
    /** Its scheduler (the process's body runs in it). */
    final Scheduler scheduler;
    State state;
    Node head, tail;
    /** The generated code's tail-call depth (Invoke), saved while the process is switched out. */
    int tailDepth;
    /** While SLEEPING: when it wakes and the order of its sleep! call (made only for sleepers). */
    Wake wake;
    /** The backend's handle: a continuation or a thread (null until the process first runs). */
    Object handle;

    record Wake(double time, long order) {}

    Proc(int id, Object fn, State state, Scheduler scheduler) {
        super(id);
        this.fn = fn;
        this.state = state;
        this.scheduler = scheduler;
    }

    /** The process's whole life, run by its backend (a continuation's or a thread's body). */
    @Override public void run() { scheduler.body(this); }

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
