package vn.khuyenhoc.cdht.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Files for the upload tests, made here so that nothing binary sits in the repository. */
public final class EvidenceSamples {

    /** The latitude the sample photo's GPS block carries, as its bytes (16/1 degrees). */
    public static final byte[] GPS_LATITUDE = {0, 0, 0, 16, 0, 0, 0, 1, 0, 0, 0, 49, 0, 0, 0, 1};

    private EvidenceSamples() {
    }

    public static byte[] png(int width, int height) {
        return image(width, height, "png");
    }

    /** A JPEG photo whose EXIF block holds a GPS position (N 16° 49′ 30″), as a phone's camera writes it. */
    public static byte[] jpegWithGps(int width, int height) {
        byte[] plain = image(width, height, "jpg");
        ByteBuffer tiff = ByteBuffer.allocate(80);
        tiff.put(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        // IFD0: one entry, the GPS IFD pointer
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        // GPS IFD at 26: latitude reference and latitude (three rationals at 56)
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.put(GPS_LATITUDE).putInt(3000).putInt(100);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), Arrays.copyOf(tiff.array(),
                tiff.position()));
        int length = exif.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, exif);
        // right after the start-of-image marker, where cameras put it
        return concat(Arrays.copyOf(plain, 2), segment, Arrays.copyOfRange(plain, 2, plain.length));
    }

    /** A Windows program renamed to look like a photo. */
    public static byte[] executable() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, bytes, 78, stub.length);
        bytes[60] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    public static byte[] pdf() {
        return pdf(null, false);
    }

    public static byte[] encryptedPdf() {
        return pdf(null, true);
    }

    public static byte[] pdfWithJavaScript() {
        return pdf("app.alert('x');", false);
    }

    /** Starts like a JPEG, one byte over the limit. */
    public static byte[] oversized(long limit) {
        byte[] bytes = new byte[(int) limit + 1];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] pdf(String script, boolean encrypted) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            if (script != null) {
                document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(script));
            }
            if (encrypted) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
