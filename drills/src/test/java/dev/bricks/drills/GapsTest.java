package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GapsTest {

    @Test
    void theLongestGapIsBetweenTwoSuccesses() {
        Gaps.Gap gap = Gaps.longest(new long[] { 100, 300, 2_300, 2_400 }, 0, 2_500);

        assertEquals(new Gaps.Gap(300, 2_300), gap);
        assertEquals(2_000, gap.millis());
    }

    @Test
    void successesMayBeRecordedOutOfOrder() {
        assertEquals(new Gaps.Gap(300, 2_300), Gaps.longest(new long[] { 2_300, 100, 2_400, 300 }, 0, 2_500));
    }

    @Test
    void aKindThatStopsSucceedingHasAGapUntilTheEnd() {
        assertEquals(new Gaps.Gap(1_000, 60_000), Gaps.longest(new long[] { 500, 1_000 }, 0, 60_000));
    }

    @Test
    void aSlowFirstSuccessCountsFromTheStart() {
        assertEquals(new Gaps.Gap(0, 4_000), Gaps.longest(new long[] { 4_000, 4_100 }, 0, 5_000));
    }

    @Test
    void noSuccessAtAllIsOneGapOverTheWholeWindow() {
        assertEquals(new Gaps.Gap(1_000, 9_000), Gaps.longest(new long[0], 1_000, 9_000));
    }

    @Test
    void successesOutsideTheWindowAreIgnored() {
        assertEquals(new Gaps.Gap(5_000, 8_000), Gaps.longest(new long[] { 1_000, 5_000, 9_000 }, 4_000, 8_000));
    }

    @Test
    void simultaneousSuccessesMakeNoGap() {
        assertEquals(0, Gaps.longest(new long[] { 0, 0, 0 }, 0, 0).millis());
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Gaps.longest(new long[0], 10, 5));
    }

    @Test
    void successesAreCountedInsideAClosedWindow() {
        assertEquals(3, Gaps.countBetween(new long[] { 1, 5, 7, 10, 11 }, 5, 10));
    }
}
