package fi.perhekeskus.meeting.feedback;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG drawn from the bit matrix reads back, with a QR reader, as the link itself. */
class FeedbackQrCodeTest {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

    @Test
    void theCodeReadsBackAsTheLink() throws Exception {
        String url = "https://perhekeskus.example/feedback/3q2-7wEjRk8lQf0aZ_9xYbT1cUvWqLmN0pO";
        String svg = FeedbackQrCode.svg(url);

        assertThat(svg).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(decode(svg)).isEqualTo(url);
    }

    @Test
    void anotherLinkIsAnotherCode() throws Exception {
        String a = FeedbackQrCode.svg("https://x.example/feedback/AAAAAAAAAAAAAAAAAAAAAAAAAAA");
        String b = FeedbackQrCode.svg("https://x.example/feedback/BBBBBBBBBBBBBBBBBBBBBBBBBBB");
        assertThat(a).isNotEqualTo(b);
        assertThat(decode(b)).isEqualTo("https://x.example/feedback/BBBBBBBBBBBBBBBBBBBBBBBBBBB");
    }

    /** Every code a link can carry (27 characters of URL-safe base64) reads back as its link. */
    @Property(tries = 300)
    void everyFeedbackLinkReadsBack(@ForAll @StringLength(27) @CharRange(from = 'a', to = 'z')
                                    @CharRange(from = 'A', to = 'Z') @CharRange(from = '0', to = '9')
                                    @Chars({'-', '_'}) String code) throws Exception {
        String url = "https://perhekeskus.example/feedback/" + code;
        assertThat(decode(FeedbackQrCode.svg(url))).isEqualTo(url);
    }

    /**
     * Paints the SVG's modules four pixels each, white elsewhere, and reads the module grid back. The image
     * is a pure code by construction, so the reader is told so: ZXing's finder-pattern search, meant for
     * camera pictures, misses about one pixel-perfect code in sixty (a false finder in the data), which
     * says nothing about the code.
     */
    static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int scale = 4;
        int width = Integer.parseInt(box.group(1)) * scale;
        int height = Integer.parseInt(box.group(2)) * scale;
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = MODULE.matcher(svg);
        int modules = 0;
        while (module.find()) {
            modules++;
            int x = Integer.parseInt(module.group(1)) * scale;
            int y = Integer.parseInt(module.group(2)) * scale;
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y + dy) * width + x + dx] = 0xFF000000;
                }
            }
        }
        assertThat(modules).isPositive();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
    }
}
