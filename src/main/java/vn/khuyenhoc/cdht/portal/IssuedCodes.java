package vn.khuyenhoc.cdht.portal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The codes of a batch just issued, kept server-side for a short time so that whichever node serves the next request
 * can show them and print the slips. They are sealed with AES-256-GCM (a fresh IV per batch) under a key derived
 * from {@code cdht.portal.issued-codes-key} (by default the citizen ID hash key, which every deployment already sets),
 * so the table alone (a backup, a replica) reveals no code. The issuing session keeps only the batch's random id.
 */
@Component
class IssuedCodes {

    private static final Logger log = LoggerFactory.getLogger(IssuedCodes.class);
    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final String DEMO_KEY = "cdht-demo-only-issued-codes-key";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final SecretKeySpec key;

    IssuedCodes(JdbcTemplate jdbc, @Value("${cdht.portal.issued-codes-key:${cdht.citizen.id-hash-key:}}") String secret)
            throws GeneralSecurityException {
        this.jdbc = jdbc;
        if (secret == null || secret.isBlank()) {
            // the citizen module refuses to start without its key outside demo mode, so this is the demo only
            log.warn("No key for the codes shown once: using the published demo key");
            secret = DEMO_KEY;
        }
        byte[] derived = MessageDigest.getInstance("SHA-256")
                .digest(("cdht issued codes|" + secret).getBytes(StandardCharsets.UTF_8));
        this.key = new SecretKeySpec(derived, "AES");
    }

    /** Seals the batch and returns its id (what the session keeps). */
    String keep(IssuedBatch batch) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into portal_issued_batch (id, user_id, expires_at, sealed) values (?, ?, ?, ?)", id,
                batch.userId(), Timestamp.from(Instant.now().plus(LIFETIME)), seal(id, batch));
        return id;
    }

    /** The batch with this id if it is the user's and not expired. */
    Optional<IssuedBatch> find(String id, long userId) {
        if (id == null) {
            return Optional.empty();
        }
        List<byte[]> rows = jdbc.query("select sealed from portal_issued_batch where id = ? and user_id = ? "
                + "and expires_at > ?", (rs, n) -> rs.getBytes(1), id, userId, Timestamp.from(Instant.now()));
        return rows.stream().findFirst().map(sealed -> open(id, sealed));
    }

    void forget(String id) {
        if (id != null) {
            jdbc.update("delete from portal_issued_batch where id = ?", id);
        }
    }

    int purgeExpired() {
        return jdbc.update("delete from portal_issued_batch where expires_at <= ?", Timestamp.from(Instant.now()));
    }

    private byte[] seal(String id, IssuedBatch batch) {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(plain)) {
                out.writeObject(batch);
            }
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.toByteArray());
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not seal issued codes", e);
        }
    }

    private IssuedBatch open(String id, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(plain))) {
                // authenticated data we wrote ourselves; the filter still admits only what a batch holds
                in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                        "vn.khuyenhoc.cdht.portal.*;java.lang.*;java.util.*;java.time.*;!*"));
                return (IssuedBatch) in.readObject();
            }
        } catch (IOException | ClassNotFoundException | GeneralSecurityException e) {
            // a changed key or a damaged row: the codes are gone, as if the batch had expired
            log.warn("issued codes {} could not be opened: {}", id, e.toString());
            return null;
        }
    }
}
