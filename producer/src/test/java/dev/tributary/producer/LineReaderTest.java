package dev.tributary.producer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LineReaderTest {

    private static List<LineReader.Line> lines(byte[] content) throws IOException {
        List<LineReader.Line> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new ByteArrayInputStream(content))) {
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
}
