package dev.tributary.common.data;

import dev.tributary.common.TributaryException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a data set's location: a file path, or {@code classpath:/path} for a data set
 * shipped as a resource. Bytes that are not UTF-8 become U+FFFD instead of aborting the read,
 * so that one bad row is rejected on its own rather than failing the file.
 */
public final class DatasetFiles {

    private static final String CLASSPATH = "classpath:";

    private DatasetFiles() {
    }

    /**
     * @param location a file path or {@code classpath:/path}
     * @return a buffered UTF-8 reader the caller closes
     * @throws TributaryException if the location does not exist or cannot be read
     */
    public static BufferedReader open(String location) {
        return new BufferedReader(new InputStreamReader(openStream(location), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /**
     * @param location a file path or {@code classpath:/path}
     * @return the raw bytes, unbuffered, for a reader that must keep them exactly (the caller closes it)
     * @throws TributaryException if the location does not exist or cannot be read
     */
    public static InputStream openStream(String location) {
        InputStream in;
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length());
            in = DatasetFiles.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource);
            if (in == null) {
                throw new TributaryException("data set resource not found: " + location);
            }
        } else {
            try {
                in = Files.newInputStream(Path.of(location));
            } catch (NoSuchFileException e) {
                throw new TributaryException("data set file not found: " + location);
            } catch (IOException e) {
                throw new TributaryException("cannot read data set file " + location + ": " + e.getMessage(), e);
            }
        }
        return in;
    }
}
