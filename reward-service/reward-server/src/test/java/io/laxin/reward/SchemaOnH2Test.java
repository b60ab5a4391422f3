package io.laxin.reward;

import io.laxin.testsupport.H2Schema;
import org.junit.jupiter.api.Test;

/** The schema also runs on H2 in MySQL mode, the store of the one-command local run, outbox relay query included. */
class SchemaOnH2Test {

    @Test
    void shouldMigrateOnH2InMySqlMode() throws Exception {
        H2Schema.assertMigratesWithOutbox("reward", "classpath:db/kernel", "classpath:db/reward");
    }
}
