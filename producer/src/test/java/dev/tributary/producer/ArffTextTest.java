package dev.tributary.producer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What the exporter quotes, the reader reads back as itself: names and values alike. */
class ArffTextTest {

    private static final List<String> TRICKY = List.of("plain", "with space", "a,b", "it's", "say \"hi\"",
            "back\\slash", "50%", "{x}", "?", "", "outlook=rainy day", "tab\there", "é");

    @Test
    void everyQuotedNameAndValueReadsBackAsItself() {
        for (String text : TRICKY) {
            String quoted = ArffText.quote(text);
            assertEquals(text, ArffText.word(quoted + " numeric", 0).text(), quoted);
            List<ArffText.Value> values = ArffText.values(quoted + "," + quoted + " % comment", true);
            assertEquals(2, values.size(), quoted);
            assertEquals(text, values.get(1).text(), quoted);
            assertFalse(values.get(0).missing(), quoted + " is a value, not a missing one");
        }
        assertEquals("plain", ArffText.quote("plain"), "bare when it can be");
        assertEquals("'?'", ArffText.quote("?"));
        assertEquals("'it\\'s'", ArffText.quote("it's"));
    }
}
