package pl.sciezka.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.bson.BsonBinaryWriter;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/**
 * The values {@link BsonBuffer} writes by itself, strings and decimals, are the bytes of the driver's writer, over
 * random code points (lone surrogates and the four lengths of UTF-8 among them) and random decimals of every size.
 */
class BsonBufferTest {

    private final Random random = new Random(1207);

    @Test
    void stringsAndNamesAreTheDriversBytes() {
        for (int i = 0; i < 5_000; i++) {
            String value = randomString();
            BsonBuffer ours = new BsonBuffer();
            int start = ours.start();
            ours.element(BsonBuffer.STRING, BsonBuffer.name("n" + value.replace('\0', ' ')));
            ours.string(value);
            ours.element(BsonBuffer.STRING, value.replace('\0', ' '));
            ours.string("");
            ours.end(start);

            BasicOutputBuffer driver = new BasicOutputBuffer();
            try (BsonBinaryWriter writer = new BsonBinaryWriter(driver)) {
                writer.writeStartDocument();
                writer.writeString("n" + value.replace('\0', ' '), value);
                writer.writeString(value.replace('\0', ' '), "");
                writer.writeEndDocument();
            }
            assertThat(ours.toByteArray()).as("%s", value.codePoints().boxed().toList()).isEqualTo(driver.toByteArray());
        }
    }

    @Test
    void decimalsAreWhatDecimal128Encodes() {
        for (int i = 0; i < 20_000; i++) {
            BigDecimal value = new BigDecimal(new BigInteger(1 + random.nextInt(120), random), random.nextInt(60) - 20);
            value = random.nextBoolean() ? value.negate() : value;
            if (value.precision() > 34) {
                continue; // beyond Decimal128
            }
            BsonBuffer ours = new BsonBuffer();
            ours.decimal128(value);
            BsonBuffer driver = new BsonBuffer();
            driver.decimal128(new Decimal128(value));
            assertThat(ours.toByteArray()).as("%s", value).isEqualTo(driver.toByteArray());
        }
    }

    private String randomString() {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> value.append((char) random.nextInt(0x80));
                case 1 -> value.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> value.append((char) (0x800 + random.nextInt(0xf800))); // lone surrogates among them
                case 3 -> value.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 4 -> value.append("zażółć");
                default -> value.append('a');
            }
        }
        return value.toString();
    }
}
