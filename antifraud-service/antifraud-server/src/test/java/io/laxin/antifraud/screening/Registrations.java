package io.laxin.antifraud.screening;

import io.laxin.antifraud.screening.domain.RegistrationFacts;
import java.time.Instant;

/** Fixtures: registrations that read like sentences. */
public final class Registrations {

    public static final Instant TOUCHED = Instant.parse("2026-11-01T00:00:00Z");
    public static final Instant REGISTERED = Instant.parse("2026-11-01T00:05:00Z");

    private Registrations() {}

    /** Two distinct people, everything known and different, registered five minutes after the touch. */
    public static Builder honest(String referrer, String invitee) {
        return new Builder(referrer, invitee);
    }

    public static final class Builder {
        private final String referrer;
        private final String invitee;
        private String referrerDevice;
        private String inviteeDevice;
        private String referrerPhone;
        private String inviteePhone;
        private String ip = "203.0.113.7";
        private Instant touched = TOUCHED;
        private Instant registered = REGISTERED;
        private String referrerOpenid;
        private String referrerUnionid;
        private String inviteeOpenid;
        private String inviteeUnionid;
        private String prefix = "138";
        private boolean emulator;
        private boolean rooted;
        private Instant openidFirstSeen;
        private String contestedBy;

        Builder(String referrer, String invitee) {
            this.referrer = referrer;
            this.invitee = invitee;
            this.referrerDevice = "dev-" + referrer;
            this.inviteeDevice = "dev-" + invitee;
            this.referrerPhone = "ph-" + referrer;
            this.inviteePhone = "ph-" + invitee;
            this.referrerOpenid = "oid-" + referrer;
            this.referrerUnionid = "uid-" + referrer;
            this.inviteeOpenid = "oid-" + invitee;
            this.inviteeUnionid = "uid-" + invitee;
        }

        public Builder onDevice(String d) {
            this.inviteeDevice = d;
            return this;
        }

        public Builder referrerOnDevice(String d) {
            this.referrerDevice = d;
            return this;
        }

        public Builder withPhone(String p) {
            this.inviteePhone = p;
            return this;
        }

        public Builder referrerPhone(String p) {
            this.referrerPhone = p;
            return this;
        }

        public Builder fromIp(String i) {
            this.ip = i;
            return this;
        }

        public Builder touchedAt(Instant t) {
            this.touched = t;
            return this;
        }

        public Builder registeredAt(Instant t) {
            this.registered = t;
            return this;
        }

        public Builder openid(String o) {
            this.inviteeOpenid = o;
            return this;
        }

        public Builder unionid(String u) {
            this.inviteeUnionid = u;
            return this;
        }

        public Builder referrerUnionid(String u) {
            this.referrerUnionid = u;
            return this;
        }

        public Builder phonePrefix(String p) {
            this.prefix = p;
            return this;
        }

        public Builder onEmulator() {
            this.emulator = true;
            return this;
        }

        public Builder rooted() {
            this.rooted = true;
            return this;
        }

        public Builder openidFirstSeenAt(Instant t) {
            this.openidFirstSeen = t;
            return this;
        }

        public Builder contestedBy(String userId) {
            this.contestedBy = userId;
            return this;
        }

        public RegistrationFacts inCampaign(long campaignId) {
            return new RegistrationFacts(
                    campaignId,
                    referrer,
                    invitee,
                    referrerDevice,
                    inviteeDevice,
                    referrerPhone,
                    inviteePhone,
                    ip,
                    "Mozilla/5.0",
                    touched,
                    registered,
                    referrerOpenid,
                    referrerUnionid,
                    inviteeOpenid,
                    inviteeUnionid,
                    prefix,
                    emulator,
                    rooted,
                    openidFirstSeen,
                    contestedBy);
        }

        public RegistrationFacts build() {
            return inCampaign(1);
        }
    }
}
