package io.laxin.invite.campaign.domain;

/**
 * Which share brings an invitee, when the registration report and the device's touches disagree.
 * Whatever the mode, an invitee is bound once per campaign and for ever.
 */
public enum BindingMode {
    /** The first share link the device opened within the attribution window wins; else the reported code. */
    FIRST_TOUCH,
    /** Only the code reported with the registration counts; touches are ignored. */
    CODE_AT_REGISTRATION,
    /** A later touch within the window overrides earlier ones and the reported code. */
    LAST_TOUCH
}
