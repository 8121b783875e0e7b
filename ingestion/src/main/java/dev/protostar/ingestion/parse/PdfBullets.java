package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.PdfGlyphs.Glyph;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The bullets a page draws as shapes rather than as text, as "•" glyphs where they are drawn. A browser paints a
 * list's markers — a small filled disc or square left of each item — so the text layer has no trace of them, and
 * without them two items, one below the other, read as one wrapped paragraph.
 *
 * <p>A bullet is a filled shape about as wide as it is high and no bigger than {@link #MAX_SIZE} points; it sits
 * on the middle of the x-height, so its baseline is taken one diameter below its centre (a third of an em
 * below, as the disc is a third of an em wide).
 */
final class PdfBullets extends PDFGraphicsStreamEngine {

    /** Wider than a bullet of 14 pt text, narrower than any picture or box. */
    private static final double MAX_SIZE = 8;
    /** A bullet is about a third of its text's size. */
    private static final float EMS_PER_DIAMETER = 3.3f;

    private final GeneralPath path = new GeneralPath();
    private final List<Glyph> bullets = new ArrayList<>();
    private final float top;
    private final float left;

    private PdfBullets(PDPage page) {
        super(page);
        this.top = page.getCropBox().getUpperRightY();
        this.left = page.getCropBox().getLowerLeftX();
    }

    static List<Glyph> of(PDPage page) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new PdfGlyphs.Stop(false); // the parse's deadline passed, as PdfGlyphs stops for it
        }
        var engine = new PdfBullets(page);
        engine.processPage(page);
        return engine.bullets;
    }

    @Override
    public void fillPath(int windingRule) {
        Rectangle2D box = path.getBounds2D();
        double w = box.getWidth();
        double h = box.getHeight();
        if (w > 1 && w <= MAX_SIZE && h <= MAX_SIZE && Math.abs(w - h) < 0.25 * w) {
            float x = (float) box.getMinX() - left;
            float baseline = top - (float) box.getCenterY() + (float) h;
            bullets.add(new Glyph("•", x, x + (float) w, baseline, (float) w * EMS_PER_DIAMETER, false));
        }
        path.reset();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        fillPath(windingRule);
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.moveTo(p0.getX(), p0.getY());
        path.lineTo(p1.getX(), p1.getY());
        path.lineTo(p2.getX(), p2.getY());
        path.lineTo(p3.getX(), p3.getY());
        path.closePath();
    }

    @Override
    public void moveTo(float x, float y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        path.lineTo(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        path.curveTo(x1, y1, x2, y2, x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return path.getCurrentPoint();
    }

    @Override
    public void closePath() {
        path.closePath();
    }

    @Override
    public void endPath() {
        path.reset();
    }

    @Override
    public void strokePath() {
        path.reset();
    }

    @Override
    public void clip(int windingRule) {}

    @Override
    public void drawImage(PDImage pdImage) {}

    @Override
    public void shadingFill(COSName shadingName) {}
}
