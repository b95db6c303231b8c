package dev.confab.management.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Values for a statement's {@code IN (...)} list, in parts of a few sizes only: at most
 * {@link #LARGEST} values each, each part padded to a power of two by repeating its last value
 * (which changes nothing an {@code IN} matches). Jdbi parses and keeps each distinct statement
 * text, and a list of n values is a text of its own: without this, reading n objects for every n
 * from 1 to a fleet's size would keep a statement for each, with n parameter names each.
 */
public final class InList {

    /** The most values in one part. */
    public static final int LARGEST = 512;

    private InList() {
    }

    /** {@code values} without repeats, in order, in parts of 1, 2, 4 … {@link #LARGEST} values. */
    public static <T> List<List<T>> parts(Collection<? extends T> values) {
        List<T> distinct = new ArrayList<>(new LinkedHashSet<T>(values));
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += LARGEST) {
            List<T> part = new ArrayList<>(distinct.subList(from, Math.min(distinct.size(), from + LARGEST)));
            int size = Integer.highestOneBit(part.size());
            size = size == part.size() ? size : size * 2;
            T last = part.get(part.size() - 1);
            while (part.size() < size) {
                part.add(last);
            }
            parts.add(part);
        }
        return parts;
    }
}
