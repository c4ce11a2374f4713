package dev.tributary.evaluation.deployment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeenOffsetsTest {

    @Test
    void inOrderOffsetsAreNewOnceAndDuplicatesAreRecognisedAfterTheFloorMoves() {
        SeenOffsets seen = new SeenOffsets();
        for (long o = 0; o < 20_000; o++) {
            assertTrue(seen.add(o));
        }
        assertFalse(seen.add(0), "long behind the floor");
        assertFalse(seen.add(19_999));
        assertTrue(seen.add(20_000));
    }

    @Test
    void shuffledOffsetsWithRepeatsAgreeWithASet() {
        Random random = new Random(3);
        List<Long> offsets = new ArrayList<>();
        for (long o = 100; o < 10_100; o++) {
            offsets.add(o);
            if (random.nextInt(10) == 0) {
                offsets.add(o);
            }
        }
        // Locally shuffled, as predictions of several partitions interleave: blocks of 500.
        for (int i = 0; i < offsets.size(); i += 500) {
            Collections.shuffle(offsets.subList(i, Math.min(offsets.size(), i + 500)), random);
        }
        SeenOffsets seen = new SeenOffsets();
        Set<Long> reference = new HashSet<>();
        int fresh = 0;
        for (long o : offsets) {
            boolean expected = reference.add(o);
            assertEquals(expected, seen.add(o), "offset " + o);
            fresh += expected ? 1 : 0;
        }
        assertEquals(10_000, fresh);
    }
}
