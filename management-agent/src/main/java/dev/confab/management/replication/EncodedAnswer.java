package dev.confab.management.replication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * One configuration answer as JSON and, made when first asked for and then kept, as gzip: a
 * thousand nodes sent the same answer cost one compression. Answers below {@value #SMALLEST_COMPRESSED}
 * bytes ("nothing changed" with its checksum) are sent as they are. Thread-safe.
 */
public final class EncodedAnswer {

    /** Answers shorter than this are not compressed: the saving would not pay for the work. */
    static final int SMALLEST_COMPRESSED = 1024;

    private final byte[] json;
    private volatile byte[] gzip;

    EncodedAnswer(byte[] json) {
        this.json = json;
    }

    /** The answer's JSON. */
    public byte[] json() {
        return json;
    }

    /** Whether {@link #gzip()} is worth sending instead of the JSON. */
    public boolean compresses() {
        return json.length >= SMALLEST_COMPRESSED;
    }

    /** The JSON compressed with gzip. */
    public byte[] gzip() {
        byte[] made = gzip;
        if (made == null) {
            synchronized (this) {
                made = gzip;
                if (made == null) {
                    made = compress(json);
                    gzip = made;
                }
            }
        }
        return made;
    }

    private static byte[] compress(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 6 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
            zip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("an answer cannot be compressed in memory", e);
        }
        return out.toByteArray();
    }
}
