package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of a scan as grayscale images for tesseract: a PDF's pages rendered with PDFBox at the OCR
 * resolution, or the one page of a PNG or JPEG. No page is larger than {@code maxPagePixels}: a bigger one is
 * rendered (or decoded) smaller, since a page of any size would otherwise be as much memory as its pixels.
 */
abstract sealed class ScanPages implements Closeable {

    static ScanPages open(Format format, byte[] content, OcrProperties properties) throws UnreadableDocumentException {
        try {
            return format == Format.PDF
                    ? new Pdf(Loader.loadPDF(content), properties)
                    : new Picture(content, properties);
        } catch (IOException | RuntimeException e) {
            throw Refusals.corrupt(format);
        }
    }

    abstract int count();

    abstract Format format();

    abstract BufferedImage page(int index) throws IOException;

    /** Binary PGM: tesseract (leptonica) reads it, and writing it is a copy, where PNG would spend a second. */
    static void writePgm(BufferedImage gray, Path file) throws IOException {
        int width = gray.getWidth();
        int height = gray.getHeight();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("P5\n%d %d\n255\n".formatted(width, height).getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[width];
            for (int y = 0; y < height; y++) {
                gray.getRaster().getDataElements(0, y, width, 1, row);
                out.write(row);
            }
        }
    }

    private static final class Pdf extends ScanPages {
        private final PDDocument document;
        private final PDFRenderer renderer;
        private final OcrProperties properties;

        Pdf(PDDocument document, OcrProperties properties) {
            this.document = document;
            this.renderer = new PDFRenderer(document);
            this.properties = properties;
        }

        @Override
        int count() {
            return document.getNumberOfPages();
        }

        @Override
        Format format() {
            return Format.PDF;
        }

        @Override
        BufferedImage page(int index) throws IOException {
            PDRectangle box = document.getPage(index).getCropBox();
            double points = (double) box.getWidth() * box.getHeight();
            float scale = (float)
                    Math.min(properties.dpi() / 72.0, Math.sqrt(properties.maxPagePixels() / Math.max(points, 1)));
            return renderer.renderImage(index, scale, ImageType.GRAY);
        }

        @Override
        public void close() throws IOException {
            document.close();
        }
    }

    /**
     * A picture is taken to be of one A4 page: one narrower than an A4 page at the OCR resolution (a 200 dpi scan,
     * a screenshot) is enlarged to that width, since tesseract misreads Hangul drawn with fewer pixels; one larger
     * than {@code maxPagePixels} is decoded at every n-th pixel of every n-th row. It is decoded as its page is
     * asked for, so under the page's deadline: a small file can hold a picture that takes long to inflate.
     */
    private static final class Picture extends ScanPages {
        private static final double A4_WIDTH_INCHES = 8.27;
        private final byte[] content;
        private final OcrProperties properties;

        Picture(byte[] content, OcrProperties properties) {
            this.content = content;
            this.properties = properties;
        }

        @Override
        BufferedImage page(int index) throws IOException {
            BufferedImage decoded = decode(content, properties.maxPagePixels());
            double pixels = (double) decoded.getWidth() * decoded.getHeight();
            double scale = Math.min(
                    Math.max(1, A4_WIDTH_INCHES * properties.dpi() / decoded.getWidth()),
                    Math.max(1, Math.sqrt(properties.maxPagePixels() / pixels)));
            return gray(decoded, scale);
        }

        private static BufferedImage decode(byte[] content, long maxPixels) throws IOException {
            try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
                var readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new IOException("no reader for the picture");
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                    var param = reader.getDefaultReadParam();
                    int step = (int) Math.ceil(Math.sqrt((double) pixels / maxPixels));
                    if (step > 1) {
                        param.setSourceSubsampling(step, step, 0, 0);
                    }
                    return reader.read(0, param);
                } finally {
                    reader.dispose();
                }
            }
        }

        private static BufferedImage gray(BufferedImage image, double scale) {
            int width = (int) Math.round(image.getWidth() * scale);
            int height = (int) Math.round(image.getHeight() * scale);
            var gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            var g = gray.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            // A transparent background is white paper, not black.
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
            g.dispose();
            return gray;
        }

        @Override
        int count() {
            return 1;
        }

        @Override
        Format format() {
            return Format.IMAGE;
        }

        @Override
        public void close() {}
    }
}
