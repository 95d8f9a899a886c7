package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc64NvmeTest {

    @Test
    void theCheckValueOfCrc64NvmeIsMet() {
        Crc64Nvme crc = new Crc64Nvme();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(check, 0, check.length);
        // The catalogue's check value for CRC-64/NVME.
        assertEquals(0xAE8B14860A799888L, crc.getValue());
        crc.reset();
        for (byte b : check) {
            crc.update(b);
        }
        assertEquals(0xAE8B14860A799888L, crc.getValue());
    }
}
