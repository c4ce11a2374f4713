package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineReaderTest {

    private static List<LineReader.Line> lines(byte[] content) throws IOException {
        return lines(content, 1024);
    }

    private static List<LineReader.Line> lines(byte[] content, int max) throws IOException {
        List<LineReader.Line> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new ByteArrayInputStream(content), "test.csv", max)) {
            for (LineReader.Line line; (line = reader.next()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void endsLinesAsBufferedReaderDoes() throws IOException {
        List<String> text = lines("a\nb\r\nc\rd\n\ne".getBytes(java.nio.charset.StandardCharsets.UTF_8)).stream()
                .map(LineReader.Line::text).toList();
        assertEquals(List.of("a", "b", "c", "d", "", "e"), text, "LF, CRLF, CR, an empty line, no final terminator");
        assertEquals(List.of(), lines(new byte[0]));
        assertEquals(1, lines("x\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).size());
    }

    @Test
    void keepsTheBytesOfALineThatIsNotUtf8() throws IOException {
        byte[] bad = {'1', ',', (byte) 0xff, (byte) 0xc3, ',', '2'};
        byte[] content = new byte[bad.length + 3];
        System.arraycopy(bad, 0, content, 0, bad.length);
        content[bad.length] = '\r';
        content[bad.length + 1] = '\n';
        content[bad.length + 2] = 'z';
        List<LineReader.Line> lines = lines(content);
        assertArrayEquals(bad, lines.get(0).bytes(), "exactly as in the file");
        assertEquals("1,\ufffd\ufffd,2", lines.get(0).text(), "each malformed byte is one U+FFFD; delimiters survive");
        assertEquals("z", lines.get(1).text());
    }

    @Test
    void aLineTooLongComesBackAsItsStartAndLengthAndTheNextLineIsWhole() throws IOException {
        String longLine = "9".repeat(5_000);
        List<LineReader.Line> lines = lines(("a,b\n" + longLine + "\r\n" + "x".repeat(1024) + "\nc,d").getBytes(UTF_8), 1024);
        assertEquals(4, lines.size());
        assertFalse(lines.get(0).tooLong());
        LineReader.Line tooLong = lines.get(1);
        assertTrue(tooLong.tooLong());
        assertEquals(5_000, tooLong.length(), "its length is counted to its end");
        assertEquals(LineReader.PREVIEW_BYTES, tooLong.bytes().length, "only its start is kept");
        assertEquals("9".repeat(LineReader.PREVIEW_BYTES), tooLong.text());
        assertFalse(lines.get(2).tooLong(), "exactly the limit is kept whole");
        assertEquals(1024, lines.get(2).bytes().length);
        assertEquals("c,d", lines.get(3).text(), "reading goes on after it");
    }

    @Test
    void aHeaderWithoutAnEndFailsAtTheLimitWithoutReadingOn() {
        // Like /dev/zero: endless, no newline, NUL bytes. Reading must stop at the limit.
        InputStream zeros = new InputStream() {
            long served;

            @Override
            public int read() {
                if (++served > 10_000_000) {
                    throw new AssertionError("read on past the limit");
                }
                return 0;
            }
        };
        TributaryException e = assertThrows(TributaryException.class,
                () -> new LineReader(zeros, "/dev/zero", 2048).nextHeader());
        assertTrue(e.getMessage().contains("/dev/zero:1: the header line is longer than 2048 bytes"), e.getMessage());
    }

    @Test
    void aHeaderWithNulBytesIsNotText() {
        byte[] utf16WithoutMark = "a,b\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        TributaryException e = assertThrows(TributaryException.class,
                () -> new LineReader(new ByteArrayInputStream(utf16WithoutMark), "x.csv", 1024).nextHeader());
        assertTrue(e.getMessage().contains("NUL bytes"), e.getMessage());
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedAndUtf16IsRefused() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'l', 'a', 'b', 'e', 'l', '\n', '1'};
        List<LineReader.Line> lines = lines(bom);
        assertEquals("label", lines.get(0).text(), "no invisible U+FEFF in the first column's name");
        assertEquals("1", lines.get(1).text());
        assertEquals(List.of("ab"), lines(new byte[] {(byte) 0xEF, 'a', 'b'}).stream().map(LineReader.Line::text)
                .map(t -> t.replace("\ufffd", "")).toList(), "a lone 0xEF is not a mark: kept as a byte");
        for (byte[] mark : List.of(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}, new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'})) {
            TributaryException e = assertThrows(TributaryException.class, () -> lines(mark));
            assertTrue(e.getMessage().contains("is UTF-16"), e.getMessage());
        }
    }
}
