package io.laxin.invite.identity.application;

import io.laxin.invite.InviteProperties;
import io.laxin.invite.identity.domain.Identifier;
import io.laxin.invite.identity.domain.IdentifierKind;
import io.laxin.invite.identity.domain.PhoneNumbers;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns what the host reports (device id, openid, unionid, phone) into stored identifiers: a phone becomes an
 * HMAC-SHA256 under {@code laxin.invite.identity-key} (env LAXIN_IDENTITY_KEY) and a masked form; the number itself
 * is never kept.
 */
@Component
public class UserIdentifiers {

    private static final int MIN_KEY_LENGTH = 32;
    private final byte[] key;

    @Autowired
    public UserIdentifiers(InviteProperties properties) {
        this(properties.identityKey());
    }

    public UserIdentifiers(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("laxin.invite.identity-key (env LAXIN_IDENTITY_KEY) must be set to at "
                    + "least " + MIN_KEY_LENGTH + " characters: it keys the hashes of phone numbers");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** What was reported, as identifiers and a masked phone. */
    public record Reported(List<Identifier> identifiers, String maskedPhone, String phonePrefix) {

        public java.util.Map<IdentifierKind, String> byKind() {
            java.util.Map<IdentifierKind, String> m = new java.util.EnumMap<>(IdentifierKind.class);
            identifiers.forEach(i -> m.put(i.kind(), i.key()));
            return m;
        }
    }

    public Reported of(String deviceId, String phone, String openid, String unionid) {
        List<Identifier> ids = new ArrayList<>();
        add(ids, IdentifierKind.DEVICE, deviceId);
        add(ids, IdentifierKind.OPENID, openid);
        add(ids, IdentifierKind.UNIONID, unionid);
        String masked = null;
        String prefix = null;
        if (phone != null && !phone.isBlank()) {
            String normalised = PhoneNumbers.normalise(phone)
                    .orElseThrow(() -> new LaxinException(
                            CommonErrorCode.VALIDATION_FAILED,
                            "phone: not a mainland mobile number (11 digits, 1[3-9]…)"));
            ids.add(new Identifier(IdentifierKind.PHONE, hash(normalised)));
            masked = PhoneNumbers.mask(normalised);
            prefix = normalised.substring(0, 3);
        }
        return new Reported(List.copyOf(ids), masked, prefix);
    }

    private static void add(List<Identifier> ids, IdentifierKind kind, String value) {
        if (value != null && !value.isBlank()) {
            ids.add(new Identifier(kind, value.trim()));
        }
    }

    private String hash(String phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(phone.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
