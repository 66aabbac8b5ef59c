package fi.perhekeskus.referral.agency;

import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

class AgencyTest {

    private static final UUID AGENCY = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private AggregateTestFixture<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
    }

    @Test
    void registeringAnAgencyAnnouncesItToTheNetwork() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency(AGENCY, "Hervannan neuvola", OrganizerType.WELLBEING_COUNTY,
                        "Pirkanmaan hyvinvointialue", "Tampere", "coordinator-1", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgencyRegistered(AGENCY, "Hervannan neuvola", OrganizerType.WELLBEING_COUNTY,
                        "Pirkanmaan hyvinvointialue", "Tampere", "coordinator-1", NOW));
    }
}
