package io.laxin.antifraud.screening.application;

import io.laxin.antifraud.screening.domain.RegistrationFacts;

/** Screen one registration. */
public record ScreenRegistrationCommand(RegistrationFacts facts) {}
