package io.laxin.antifraud.screening.domain;

/**
 * The screening rules, with their shipped defaults. A threshold's meaning depends on the rule (a count per window,
 * seconds, …); {@code params} carries list-like settings (the virtual-carrier prefixes). Velocity rules fire when the
 * count, including this registration, is above the threshold.
 */
public enum RuleId {
    SELF_REFERRAL(
            100, 0, null, "Referrer and invitee share an identifier (user id, device, phone hash, openid, unionid)"),
    DEVICE_REUSE(70, 2, null, "More than N invitees registered on one device in a campaign in a day"),
    IP_VELOCITY(30, 5, null, "More than N registrations from one IP in an hour"),
    SUBNET_VELOCITY(25, 15, null, "More than N registrations from one /24 subnet in an hour"),
    REFERRER_BURST_HOUR(55, 5, null, "More than N invitees attributed to one referrer in an hour"),
    REFERRER_BURST_DAY(40, 20, null, "More than N invitees attributed to one referrer in a day"),
    TOO_FAST(35, 5, null, "Registration within N seconds of opening the share link"),
    VIRTUAL_CARRIER(55, 0, "170,171,162,165,167", "Phone number in a virtual-carrier range (prefix list)"),
    UNIONID_MANY_OPENIDS(40, 3, null, "One WeChat unionid seen with more than N openids"),
    PHONE_MOVED(45, 0, null, "The phone hash belonged to another account before"),
    OPENID_FRESH(20, 30, null, "The openid was first seen less than N seconds before registering"),
    EMULATOR(60, 0, null, "The client reports an emulator"),
    ROOTED(25, 0, null, "The client reports a rooted / jailbroken device"),
    BLACKLIST(100, 0, null, "An identifier is on the blacklist"),
    WHITELIST(0, 0, null, "An identifier is on the whitelist: rules about that identifier are not applied"),
    /**
     * Late analysis, not screening: threshold = the share (percent) of a referrer's invitees with at most one order;
     * params = {@code min-invitees} and {@code window-days} (invitees are judged once registered that long ago).
     * Off by default: it needs the host's paid orders (order topic or activity API) to mean anything.
     */
    SINGLE_ORDER_INVITEES(
            55,
            80,
            false,
            "min-invitees=5,window-days=30",
            "Late analysis: at least N% of a "
                    + "referrer's invitees (min-invitees of them, registered window-days ago or more) ordered at most once");

    /** The params keys of {@link #SINGLE_ORDER_INVITEES}. */
    public static final String MIN_INVITEES = "min-invitees";

    public static final String WINDOW_DAYS = "window-days";

    private final boolean defaultEnabled;
    private final int defaultWeight;
    private final long defaultThreshold;
    private final String defaultParams;
    private final String description;

    RuleId(int defaultWeight, long defaultThreshold, String defaultParams, String description) {
        this(defaultWeight, defaultThreshold, true, defaultParams, description);
    }

    RuleId(int defaultWeight, long defaultThreshold, boolean defaultEnabled, String defaultParams, String description) {
        this.defaultEnabled = defaultEnabled;
        this.defaultWeight = defaultWeight;
        this.defaultThreshold = defaultThreshold;
        this.defaultParams = defaultParams;
        this.description = description;
    }

    public RuleSetting defaults() {
        return new RuleSetting(this, defaultEnabled, defaultWeight, defaultThreshold, defaultParams);
    }

    public String description() {
        return description;
    }

    /** Whether the threshold means something for this rule. */
    public boolean hasThreshold() {
        return defaultThreshold > 0;
    }
}
