package io.github.escmon.streams.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The fast rounding to six decimals gives exactly what rounding the exact binary value half-even gives. */
class Round6Test {

    @Property(tries = 20_000)
    void anyValue(@ForAll @DoubleRange(min = -1e7, max = 1e7) double x) {
        assertEquals(TitForTat.exactRound6(x), TitForTat.round6(x), 0.0, Double.toString(x));
    }

    @Property(tries = 20_000)
    void smallValues(@ForAll @DoubleRange(min = 0, max = 100) double x) {
        assertEquals(TitForTat.exactRound6(x), TitForTat.round6(x), 0.0, Double.toString(x));
    }

    @Property(tries = 20_000)
    void valuesAtAndNearTies(@ForAll @LongRange(min = -100_000_000L, max = 100_000_000L) long k,
                             @ForAll @LongRange(min = -3, max = 3) long ulps) {
        double tie = (k + 0.5) / 1e6;
        double x = tie;
        for (long i = 0; i < Math.abs(ulps); i++) {
            x = ulps > 0 ? Math.nextUp(x) : Math.nextDown(x);
        }
        assertEquals(TitForTat.exactRound6(x), TitForTat.round6(x), 0.0, Double.toString(x));
    }

    @Test
    void hugeAndOddValues() {
        for (double x : new double[] {1e15, -1e15, 1e300, Double.MIN_VALUE, -0.0, 0.0, 2.5e-7, 5e-7, 1.5e-6}) {
            assertEquals(TitForTat.exactRound6(x), TitForTat.round6(x), 0.0, Double.toString(x));
        }
    }
}
