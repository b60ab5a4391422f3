package io.laxin.invite.identity.domain;

/**
 * One identifier of a person.
 *
 * @param key the identifier as stored: the device id, openid or unionid, or a phone's keyed hash
 */
public record Identifier(IdentifierKind kind, String key) {

    public Identifier {
        if (kind == null || key == null || key.isBlank()) {
            throw new IllegalArgumentException("An identifier needs a kind and a value");
        }
    }
}
