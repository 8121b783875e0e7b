package dev.protostar.ingestion.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Recognises HWP 5 documents, which Tika only calls "some OLE2 file" (application/x-tika-msoffice): an OLE2
 * container with a FileHeader stream that starts with the HWP signature.
 */
final class HwpDetector implements Detector {

    static final byte[] SIGNATURE = "HWP Document File".getBytes(StandardCharsets.US_ASCII);

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        if (input == null || FileMagic.valueOf(input) != FileMagic.OLE2) {
            return MediaType.OCTET_STREAM;
        }
        // Reading the container needs the whole file: TikaInputStream keeps it (spooled once, reused by parsers).
        TikaInputStream tika = TikaInputStream.cast(input);
        if (tika == null) {
            return MediaType.OCTET_STREAM;
        }
        try (var fs = new POIFSFileSystem(tika.getFile(), true)) {
            if (!fs.getRoot().hasEntry("FileHeader")) {
                return MediaType.OCTET_STREAM;
            }
            try (var header = fs.createDocumentInputStream("FileHeader")) {
                byte[] start = header.readNBytes(SIGNATURE.length);
                return Arrays.equals(start, SIGNATURE) ? FileTypes.HWP : MediaType.OCTET_STREAM;
            }
        } catch (IOException | RuntimeException e) {
            // A damaged container is simply not recognised here; Tika's own detectors still have their say.
            return MediaType.OCTET_STREAM;
        }
    }
}
