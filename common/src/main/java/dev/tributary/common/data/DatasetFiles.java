package dev.tributary.common.data;

import dev.tributary.common.TributaryException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a data set's location: a file path, or {@code classpath:/path} for a data set
 * shipped as a resource.
 */
public final class DatasetFiles {

    private static final String CLASSPATH = "classpath:";

    private DatasetFiles() {
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
            if (Files.isDirectory(Path.of(location))) {
                // Linux opens a directory for reading and fails only at the first read, deep in the parser.
                throw new TributaryException("data set file " + location + " is a directory, not a file");
            }
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
