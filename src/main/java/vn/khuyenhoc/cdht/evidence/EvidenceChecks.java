package vn.khuyenhoc.cdht.evidence;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * What a sent file must pass before it is stored: not empty, not too large, JPEG, PNG or PDF by its content, an
 * image that decodes (and is re-encoded without metadata), a PDF neither encrypted nor carrying JavaScript. Each
 * refusal is a rule with a message for the person who sent it.
 */
@Component
class EvidenceChecks {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String PDF = "application/pdf";
    private static final Set<String> ALLOWED = Set.of(JPEG, PNG, PDF);
    private static final Set<COSName> SCRIPT_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT);

    // Tika's default detector with only tika-core on the class path: magic bytes, then the name as a hint
    private final Tika tika = new Tika();
    private final EvidenceSettings settings;

    EvidenceChecks(EvidenceSettings settings) {
        this.settings = settings;
    }

    CheckedFile check(String sentName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new BusinessRuleException("evidence.empty");
        }
        if (bytes.length > settings.maxFileSize().toBytes()) {
            throw new BusinessRuleException("evidence.tooLarge", settings.maxFileSize().toMegabytes());
        }
        // the content decides; no name is passed, so "virus.exe" renamed "anh.jpg" is still not a JPEG
        String type = tika.detect(bytes);
        if (!ALLOWED.contains(type)) {
            throw new BusinessRuleException("evidence.type");
        }
        String name = safeName(sentName, type);
        if (PDF.equals(type)) {
            checkPdf(bytes);
            return new CheckedFile(name, type, bytes, null);
        }
        BufferedImage image = decode(bytes);
        BufferedImage stored = scaled(image, settings.maxImageSide());
        return new CheckedFile(name, type, encode(stored, JPEG.equals(type) ? "jpg" : "png"),
                encode(scaled(image, settings.thumbnailSide()), "jpg"));
    }

    private BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BusinessRuleException("evidence.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // a few bytes can claim a huge canvas: ask the size before decoding
                if ((long) reader.getWidth(0) * reader.getHeight(0) > settings.maxPixels()) {
                    throw new BusinessRuleException("evidence.tooManyPixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessRuleException rule) {
                throw rule;
            }
            throw new BusinessRuleException("evidence.unreadable");
        }
    }

    /** Downscaled to fit the side (never enlarged), on an opaque RGB canvas so that JPEG can hold it. */
    static BufferedImage scaled(BufferedImage image, int side) {
        int width = image.getWidth();
        int height = image.getHeight();
        double factor = Math.min(1.0, (double) side / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * factor));
        int h = Math.max(1, (int) Math.round(height * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** ImageIO writes the pixels and a bare JFIF or PNG header: no EXIF, no GPS, no comments. */
    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkPdf(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                throw new BusinessRuleException("evidence.pdfEncrypted");
            }
            if (hasScript(document)) {
                throw new BusinessRuleException("evidence.pdfScript");
            }
        } catch (InvalidPasswordException e) {
            throw new BusinessRuleException("evidence.pdfEncrypted");
        } catch (IOException e) {
            throw new BusinessRuleException("evidence.unreadable");
        }
    }

    /** Any object of the file that is a JavaScript action or names a script: open actions, links, forms, names. */
    private static boolean hasScript(PDDocument document) throws IOException {
        for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            COSBase base = object == null ? null : object.getObject();
            if (base instanceof COSDictionary dictionary && scripted(dictionary)) {
                return true;
            }
        }
        COSDictionary names = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.NAMES);
        return names != null && names.containsKey(COSName.JAVA_SCRIPT);
    }

    private static boolean scripted(COSDictionary dictionary) {
        for (COSName key : SCRIPT_KEYS) {
            if (dictionary.containsKey(key)) {
                return true;
            }
        }
        return COSName.JAVA_SCRIPT.equals(dictionary.getCOSName(COSName.S));
    }

    /** The name kept for downloads: the last path part, printable, short, with the extension of the real type. */
    static String safeName(String sent, String type) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isBlank()) {
            base = "minh-chung";
        }
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        String extension = switch (type) {
            case JPEG -> "jpg";
            case PNG -> "png";
            default -> "pdf";
        };
        return base + "." + extension.toLowerCase(Locale.ROOT);
    }

}
