package io.slawatch.ingest.file;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Reading input files line by line as bytes, gunzipping {@code *.gz}. */
public final class Lines {

    private static final int BUFFER = 1 << 16;

    private Lines() {}

    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        return file.toString().endsWith(".gz")
                ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER)
                : in;
    }

    /** The next line without its line break (LF or CRLF), or null at the end of the input. */
    public static byte[] next(InputStream in, ByteArrayOutputStream buffer) throws IOException {
        buffer.reset();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            buffer.write(b);
            b = in.read();
        }
        byte[] bytes = buffer.toByteArray();
        return bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                ? Arrays.copyOf(bytes, bytes.length - 1)
                : bytes;
    }
}
