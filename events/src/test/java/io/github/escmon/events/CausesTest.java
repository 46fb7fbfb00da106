package io.github.escmon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void theRootIsTheLastCauseAndAnExceptionWithoutOneIsItsOwnRoot() {
        IOException io = new IOException("disk full");
        RuntimeException outer = new IllegalStateException("commit failed", new UncheckedIOException(io));
        assertSame(io, Causes.root(outer));
        assertSame(io, Causes.root(io));
    }

    @Test
    void aChainThatLoopsEndsWhereItWouldRepeat() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b); // a → b → a …
        assertSame(b, Causes.root(a));
        assertSame(a, Causes.root(b));
        assertTrue(Causes.find(a, IOException.class).isEmpty());
    }

    @Test
    void findReturnsTheFirstOfTheTypeOnTheChainItselfIncluded() {
        IOException inner = new IOException("inner");
        IOException outer = new IOException("outer", new ExecutionException(inner));
        assertSame(outer, Causes.find(outer, IOException.class).orElseThrow());
        assertSame(inner, Causes.find(new RuntimeException(inner), IOException.class).orElseThrow());
        assertSame(outer.getCause(), Causes.find(outer.getCause(), Exception.class).orElseThrow());
        assertTrue(Causes.find(new RuntimeException("none"), IOException.class).isEmpty());
    }

    @Test
    void theMessageShownIsTheFirstRealOnePastExecutionExceptionsAndSilentWrappers() {
        IOException io = new IOException("disk full");
        assertEquals("disk full", Causes.message(new ExecutionException(new RuntimeException(null, io))));
        assertEquals("commit failed", Causes.message(new IllegalStateException("commit failed", io)));
        assertEquals("ExecutionException", Causes.message(new ExecutionException(null)));
        RuntimeException a = new RuntimeException((String) null);
        RuntimeException b = new RuntimeException(null, a);
        a.initCause(b); // no message anywhere on a loop: the last one before it repeats
        assertEquals("RuntimeException", Causes.message(a));
    }
}
