package io.github.escmon.streams.window;

import java.util.ArrayList;
import java.util.List;

/**
 * A list that drops its oldest elements cheaply: removing a prefix moves a start index, and the dropped slots are
 * reclaimed once they are the larger part, so a window that takes in at the end and lets go at the front costs
 * amortized O(1) per element.
 */
final class PrefixList<T> {

    private final ArrayList<T> items;
    private int head;

    PrefixList(List<T> initial) {
        this.items = new ArrayList<>(initial);
    }

    int size() {
        return items.size() - head;
    }

    T get(int i) {
        return items.get(head + i);
    }

    void add(T item) {
        items.add(item);
    }

    void add(int i, T item) {
        items.add(head + i, item);
    }

    void remove(int i) {
        items.remove(head + i);
    }

    /** Drops the first {@code k} elements. */
    void removeFirst(int k) {
        head += k;
        if (head > 64 && head * 2 > items.size()) {
            items.subList(0, head).clear();
            head = 0;
        }
    }

    /** A view of the elements, oldest first. */
    List<T> asList() {
        return items.subList(head, items.size());
    }
}
