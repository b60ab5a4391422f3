package io.laxin.antifraud.screening.application;

import io.laxin.antifraud.api.AntifraudErrorCode;
import io.laxin.antifraud.screening.domain.Screenings;
import io.laxin.kernel.error.LaxinException;
import org.springframework.stereotype.Service;

/** Reads one stored screening back, with the inputs and reasons it was decided on. */
@Service
public class ExplainingScreening {

    private final Screenings screenings;

    public ExplainingScreening(Screenings screenings) {
        this.screenings = screenings;
    }

    public Screenings.Stored require(String id) {
        return screenings
                .find(id)
                .orElseThrow(() -> new LaxinException(AntifraudErrorCode.SCREENING_NOT_FOUND, "No screening " + id));
    }
}
