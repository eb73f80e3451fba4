package io.tienda.notification.template.rendering;

import java.io.Writer;

/** Collects rendered output up to a number of characters; past it, rendering stops with a refusal. */
final class BoundedWriter extends Writer {

    private final StringBuilder out = new StringBuilder();
    private final int limit;

    BoundedWriter(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        require(length);
        out.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        require(length);
        out.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) {
        require(1);
        out.append((char) c);
    }

    private void require(int more) {
        if (more > limit - out.length()) {
            throw new Refused("more than " + limit + " characters", "the rendered output is too long");
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
